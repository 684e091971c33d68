namespace DeinstGateway.Server.ServiceRecords;

/// <summary>The <c>ServiceRecords</c> configuration section.</summary>
public sealed class ServiceRecordOptions
{
    public const string Section = "ServiceRecords";

    /// <summary>
    /// Most records of a RecordServices stream decided and written in one transaction. Every batch
    /// rewrites the index pages that its random request ids and its clients fall on, whether it
    /// holds 500 records or 5,000, so larger batches write fewer pages per record: on the
    /// service-records benchmark 5,000 took the commits from about 9 to about 5 µs per record and
    /// the gateway from about 33,000 to 41,000 records/s. Meanwhile other writers wait: 5,000
    /// records hold the write lock for about 120 ms on a 2-core machine.
    /// </summary>
    public int RecordBatchSize { get; set; } = 5000;

    /// <summary>A batch of zero or fewer records could never be written: such a setting fails at start.</summary>
    public ServiceRecordOptions Validated() => RecordBatchSize > 0
        ? this
        : throw new InvalidOperationException($"{Section}:{nameof(RecordBatchSize)} must be a positive whole number, not {RecordBatchSize}.");
}
