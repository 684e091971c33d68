using System.Security.Cryptography;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using DeinstGateway.Persistence.ServiceRecords;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// The database floor of recording services: exactly what the gateway's SQLite file must do for
/// each accepted record (per batch the look-ups of the clients' birth dates, relations and
/// support plans, then a service_records row per record, whose insert claims its request id as
/// the gateway's does, the batch's day totals, and an access_log row per client, with every index
/// the migrations create)
/// and nothing else: no gRPC, no rules, no EF Core; statements prepared once and bound by
/// position, rows built before timing, batches as large as the gateway's. No gateway code can
/// record faster than this with this schema.
/// </summary>
public static class ServiceRecordWriteFloor
{
    private const string Method = "/deinst.v1.ServiceRecordService/RecordServices";

    /// <summary>The project of the benchmark's records, none: the column's default, which the raw row leaves to it.</summary>
    private const string Project = "none";

    private const string DayTotalUpsert = """
        INSERT INTO service_record_day_totals (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode, Records, CostHigh, CostLow)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
        ON CONFLICT (ProviderCode, FirstDay, ServiceType, FundingSource, ProjectCode)
        DO UPDATE SET Records = Records + excluded.Records, CostHigh = CostHigh + excluded.CostHigh, CostLow = CostLow + excluded.CostLow
        """;

    private static readonly string[] AccessColumns =
        ["Position", "Time", "InstitutionCode", "CertificateThumbprint", "Method", "ClientId", "Purpose", "Outcome", "PreviousHash", "EntryHash"];

    /// <param name="databasePath">A gateway database holding the records' clients and no record.</param>
    public static TimeSpan Measure(string databasePath, RecordServiceRequest[] requests, int batchSize)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        TimeSpan elapsed;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();

            // Untimed: making the clients logged their transfers; the records' entries follow those.
            using var last = connection.CreateCommand();
            last.CommandText = "SELECT COALESCE(MAX(Position), 0) FROM access_log";
            var logged = (long)last.ExecuteScalar()!;
            var rows = BuildRows(requests, batchSize, logged);
            FloorStatement.Execute(connection, FloorStatement.GatewayPragmas);
            var database = connection.Handle!;
            using var findClients = new FloorStatement(database, "SELECT Id, BirthDate FROM clients WHERE Id IN (SELECT value FROM json_each(?1))");
            using var findRelations = new FloorStatement(database, "SELECT * FROM client_relations WHERE ClientId IN (SELECT value FROM json_each(?1))");
            using var findPlans = new FloorStatement(database, "SELECT * FROM support_plans WHERE ClientId IN (SELECT value FROM json_each(?1))");
            using var insertRecord = FloorStatement.Insert(
                database, "service_records", ServiceRecordRawTable.Table.Columns.Select(c => c.Name).ToArray(), "ON CONFLICT (RequestId, RecordedByCode) DO NOTHING");
            using var insertAccess = FloorStatement.Insert(database, "access_log", AccessColumns);
            using var addDayTotal = new FloorStatement(database, DayTotalUpsert);

            elapsed = FloorStatement.TimeBatches(connection, rows, batchSize, batch =>
            {
                var clients = FloorStatement.Json(batch.Select(r => (string)r.Record[3]!).Distinct(StringComparer.Ordinal));
                findClients.Query(clients);
                findRelations.Query(clients);
                findPlans.Query(clients);
                foreach (var row in batch)
                {
                    insertRecord.Run(row.Record);
                }

                // Summed per row in the batch, as the gateway does (the summing is timed here too).
                foreach (var day in batch.GroupBy(r => (Service: r.Record[4], Provider: r.Record[5], FirstDay: r.Record[6], Source: r.Record[11])))
                {
                    var costs = day.Select(r => (long)r.Record[10]!).ToList();
                    addDayTotal.Run([
                        day.Key.Provider, day.Key.FirstDay, day.Key.Service, day.Key.Source, Project, (long)costs.Count,
                        costs.Sum(c => c / ServiceRecordDayTotalRow.CostSplit), costs.Sum(c => c % ServiceRecordDayTotalRow.CostSplit),
                    ]);
                }

                foreach (var row in batch)
                {
                    if (row.Access is { } access)
                    {
                        insertAccess.Run(access);
                    }
                }
            });
        }

        FloorStatement.ExpectRows(databasePath, "service_records", requests.Length);
        return elapsed;
    }

    /// <summary>Each record's row, and an access-log row with the first record of each client in its batch (the gateway logs one write per client per transaction).</summary>
    private static (object?[] Record, object?[]? Access)[] BuildRows(RecordServiceRequest[] requests, int batchSize, long logged)
    {
        var rows = new (object?[] Record, object?[]? Access)[requests.Length];
        var thumbprint = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var logPosition = logged;
        var clientsInBatch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Length; i++)
        {
            if (i % batchSize == 0)
            {
                clientsInBatch.Clear();
            }

            var record = ServiceRecordRawTable.Row(requests[i]);
            var clientId = (string)record[3]!;
            object?[]? access = clientsInBatch.Add(clientId)
                ?
                [
                    ++logPosition, record[14], ServiceRecordRequestFactory.Provider, thumbprint, Method, clientId,
                    "service-delivery", "Written", RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32),
                ]
                : null;
            rows[i] = (record, access);
        }

        return rows;
    }
}
