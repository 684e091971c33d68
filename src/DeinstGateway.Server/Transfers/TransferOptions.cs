namespace DeinstGateway.Server.Transfers;

/// <summary>The <c>Transfers</c> configuration section.</summary>
public sealed class TransferOptions
{
    public const string Section = "Transfers";

    /// <summary>Most submissions written in one transaction.</summary>
    public int SubmitBatchSize { get; set; } = 500;

    /// <summary>How often a feed looks at the database for changes made by other gateway processes.</summary>
    public int WatchPollMilliseconds { get; set; } = 1000;

    /// <summary>After how long without an event an idle feed sends a heartbeat.</summary>
    public int WatchHeartbeatSeconds { get; set; } = 15;
}
