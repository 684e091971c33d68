namespace DeinstGateway.Persistence.Database;

/// <summary>
/// Instants are stored as UTC DateTime (SQLite text, SQL Server datetime2), which come back with
/// an unspecified kind; this restores them as UTC.
/// </summary>
internal static class StoredTime
{
    public static DateTimeOffset AsUtc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
