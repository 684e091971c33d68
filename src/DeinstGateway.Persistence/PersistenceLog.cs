using Microsoft.Extensions.Logging;

namespace DeinstGateway.Persistence;

internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Reference data {Version} loaded: {Inserted} rows inserted, {Updated} updated; {NotInFile} institutions in the database are no longer in the file and were kept")]
    public static partial void ReferenceDataLoaded(ILogger logger, string version, int inserted, int updated, int notInFile);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Database ({Provider}) migrated; {Applied} migrations applied")]
    public static partial void DatabaseMigrated(ILogger logger, string provider, int applied);
}
