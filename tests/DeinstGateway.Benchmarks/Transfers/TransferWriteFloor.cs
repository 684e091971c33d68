using System.Globalization;
using System.Security.Cryptography;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>
/// The database floor of a submission: exactly what the gateway's SQLite file must do for each new
/// transfer (the batch's two look-ups, then a clients, transfers, transfer_events and access_log
/// row with every index the migrations create) and nothing else: no gRPC, no validation, no EF
/// Core, no encryption; statements prepared once and bound by position, rows built before timing,
/// batches as large as the gateway's. No gateway code can submit faster than this with this schema.
/// </summary>
public static class TransferWriteFloor
{
    private const string Method = "/deinst.v1.TransferService/SubmitTransfers";

    public static readonly string[] ClientColumns =
        ["Id", "PersonalCodeHash", "FormerPersonalCodeHash", "ProtectedIdentity", "BirthDate", "TargetGroup", "CreateTime", "UpdateTime"];

    public static readonly string[] EventColumns =
        ["TransferId", "FromState", "ToState", "ActorCode", "Time", "RejectionReason", "Version"];

    private static readonly string[] AccessColumns =
        ["Position", "Time", "InstitutionCode", "CertificateThumbprint", "Method", "ClientId", "Purpose", "Outcome", "PreviousHash", "EntryHash"];

    /// <param name="databasePath">A gateway database just migrated and loaded with reference data, holding no transfer.</param>
    public static TimeSpan Measure(string databasePath, SubmitTransferRequest[] requests, int batchSize)
    {
        var rows = requests.Select((request, i) => BuildRows(request, position: i + 1)).ToArray();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        TimeSpan elapsed;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            FloorStatement.Execute(connection, FloorStatement.GatewayPragmas);
            var database = connection.Handle!;
            using var findTransfers = new FloorStatement(database,
                "SELECT Id, ContentHash FROM transfers WHERE BusinessKey IN (SELECT value FROM json_each(?1)) OR (RequestId IN (SELECT unhex(value) FROM json_each(?2)) AND SubmitterCode = ?3)");
            using var findClients = new FloorStatement(database,
                "SELECT Id FROM clients WHERE PersonalCodeHash IN (SELECT unhex(value) FROM json_each(?1)) OR FormerPersonalCodeHash IN (SELECT unhex(value) FROM json_each(?1))");
            using var insertClient = FloorStatement.Insert(database, "clients", ClientColumns);
            using var insertTransfer = FloorStatement.Insert(database, "transfers", TransferRawTable.Table.Columns.Select(c => c.Name).ToArray());
            using var insertEvent = FloorStatement.Insert(database, "transfer_events", EventColumns);
            using var insertAccess = FloorStatement.Insert(database, "access_log", AccessColumns);

            elapsed = FloorStatement.TimeBatches(connection, rows, batchSize, batch =>
            {
                findTransfers.Query(
                    FloorStatement.Json(batch.Select(r => (string)r.Transfer[5]!)), FloorStatement.Json(batch.Select(r => Convert.ToHexString((byte[])r.Transfer[6]!))), TransferRequestFactory.Caller);
                findClients.Query(FloorStatement.Json(batch.Select(r => Convert.ToHexString((byte[])r.Client[1]!))));
                foreach (var row in batch)
                {
                    insertClient.Run(row.Client);
                }

                foreach (var row in batch)
                {
                    insertTransfer.Run(row.Transfer);
                }

                foreach (var row in batch)
                {
                    insertEvent.Run(row.Event);
                }

                foreach (var row in batch)
                {
                    insertAccess.Run(row.Access);
                }
            });
        }

        FloorStatement.ExpectRows(databasePath, "transfers", requests.Length);
        return elapsed;
    }

    private static (object?[] Client, object?[] Transfer, object?[] Event, object?[] Access) BuildRows(SubmitTransferRequest request, long position)
    {
        var transfer = TransferRawTable.Row(request);
        var clientId = (string)transfer[8]!;
        var time = (string)transfer[^1]!;
        var birth = request.Transfer.Person.BirthDate;
        object?[] client =
        [
            clientId, RandomNumberGenerator.GetBytes(32), null, RandomNumberGenerator.GetBytes(120),
            new DateOnly(birth.Year, birth.Month, birth.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "AdultWithIntellectualOrMentalDisability", time, time,
        ];
        object?[] submitted = [transfer[0], null, "Submitted", TransferRequestFactory.Caller, time, null, 1L];
        object?[] access =
        [
            position, time, TransferRequestFactory.Caller, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), Method, clientId,
            "transfer-handover", "Written", RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32),
        ];
        return (client, transfer, submitted, access);
    }
}
