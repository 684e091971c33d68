namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Instants are stored as UTC DateTime (SQLite text, SQL Server datetime2), which come back with
/// an unspecified kind; this restores them as UTC.
/// </summary>
internal static class StoredTime
{
    /// <summary>How EF Core and Microsoft.Data.Sqlite write a DateTime into SQLite.</summary>
    public const string SqliteFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    public static DateTimeOffset AsUtc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
