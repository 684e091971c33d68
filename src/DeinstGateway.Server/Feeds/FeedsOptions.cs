namespace DeinstGateway.Server.Feeds;

/// <summary>The <c>Feeds</c> configuration section: timing of WatchTransfers and WatchCapacity.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    /// <summary>How often the process looks at the database for changes made by other gateway processes.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>After how long without a change an idle feed sends a heartbeat.</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}
