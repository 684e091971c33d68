namespace DeinstGateway.Server.Transfers;

/// <summary>The <c>Transfers</c> configuration section.</summary>
public sealed class TransferOptions
{
    public const string Section = "Transfers";

    /// <summary>
    /// Most submissions written in one transaction; a batch takes what has arrived, so it is this
    /// large only under load. Each commit rewrites every page it touched of the indexes on random
    /// keys (request ids, personal-code hashes), so larger batches write fewer pages per
    /// transfer: the transfers benchmark went from 0.108 to 0.128 of the raw insert rate at 2,000
    /// (5,000 was no faster and paused for garbage collection three times as long).
    /// </summary>
    public int SubmitBatchSize { get; set; } = 2000;
}
