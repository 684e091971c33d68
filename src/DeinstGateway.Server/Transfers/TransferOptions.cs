namespace DeinstGateway.Server.Transfers;

/// <summary>The <c>Transfers</c> configuration section.</summary>
public sealed class TransferOptions
{
    public const string Section = "Transfers";

    /// <summary>Most submissions written in one transaction.</summary>
    public int SubmitBatchSize { get; set; } = 500;
}
