namespace DeinstGateway.Server.Feeds;

/// <summary>The <c>Feeds</c> configuration section: timing of WatchTransfers and WatchCapacity.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    /// <summary>How often the process tests the database for changes made by other gateway processes (a probe, not a table read).</summary>
    public int PollMilliseconds { get; set; } = 100;

    /// <summary>After how long without a change an idle feed sends a heartbeat.</summary>
    public int HeartbeatSeconds { get; set; } = 15;
}
