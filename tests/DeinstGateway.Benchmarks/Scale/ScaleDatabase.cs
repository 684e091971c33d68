using DeinstGateway.Core.Registry;
using System.Diagnostics;
using System.Globalization;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.ServiceRecords;
using DeinstGateway.Benchmarks.Transfers;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.ServiceRecords;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Benchmarks.Scale;

/// <summary>
/// Writes a <see cref="ScalePopulation"/> into a gateway database without the gateway: a gateway
/// started once on the file creates the schema (its migrations) and loads the reference data, and
/// lends its <see cref="PersonalDataProtector"/>, so that personal codes are hashed and identities
/// encrypted with the keys the gateway will read them with; then prepared statements insert every
/// row, one transaction per <see cref="RowsPerTransaction"/> rows, with the journal and syncs off
/// and the secondary indexes dropped, which are created again as the migrations define them; the
/// records' day totals are summed as the migration that added them does, and ANALYZE runs. A file whose population note matches is kept as it is.
/// </summary>
public static class ScaleDatabase
{
    public const int RowsPerTransaction = 100_000;
    private const string NoteFile = "population.txt";

    private static readonly string[] Tables = ["clients", "client_relations", "transfers", "transfer_events", "service_records"];
    private static readonly string[] RelationColumns = ["ClientId", "Kind", "InstitutionCode", "ValidFrom", "ValidTo", "TransferId", "SupportPlanId"];

    /// <summary>The generated database in the folder, written unless a note says it holds this population already.</summary>
    /// <returns>How long generation took; zero when the file was kept.</returns>
    public static async Task<TimeSpan> EnsureAsync(DevelopmentPki pki, string folder, ScalePopulation population, Action<string> progress)
    {
        var note = string.Create(CultureInfo.InvariantCulture,
            $"clients {population.Clients}, records per client {population.RecordsPerClient}, reference data {population.Data.Institutions} institutions");
        var notePath = Path.Combine(folder, NoteFile);
        if (File.Exists(notePath) && File.ReadAllText(notePath) == note)
        {
            progress("kept: " + note);
            return TimeSpan.Zero;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "deinst.db*"))
        {
            File.Delete(file);
        }

        var start = Stopwatch.GetTimestamp();
        PersonalDataProtector protector;
        await using (var schema = await GatewayHost.StartAsync(pki, folder, "Registry:ReferenceDataPath=" + population.Data.Path))
        {
            protector = schema.Services.GetRequiredService<PersonalDataProtector>();
        }

        SqliteConnection.ClearAllPools();
        Write(Path.Combine(folder, "deinst.db"), population, protector, progress);
        File.WriteAllText(notePath, note);
        return Stopwatch.GetElapsedTime(start);
    }

    private static void Write(string databasePath, ScalePopulation population, PersonalDataProtector protector, Action<string> progress)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        FloorStatement.Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA foreign_keys=OFF;");
        var indexes = SecondaryIndexes(connection);
        foreach (var (name, _) in indexes)
        {
            FloorStatement.Execute(connection, $"DROP INDEX {name}");
        }

        var database = connection.Handle!;
        var watch = Stopwatch.StartNew();
        using (var client = FloorStatement.Insert(database, "clients", TransferWriteFloor.ClientColumns))
        using (var transfer = FloorStatement.Insert(database, "transfers", TransferRawTable.Table.Columns.Select(c => c.Name).ToArray()))
        using (var transferEvent = FloorStatement.Insert(database, "transfer_events", TransferWriteFloor.EventColumns))
        using (var relation = FloorStatement.Insert(database, "client_relations", RelationColumns))
        {
            using var codes = ScalePopulation.Codes().GetEnumerator();
            InBatches(connection, population.Clients, i =>
            {
                codes.MoveNext();
                WriteClient(population, protector, i, codes.Current, client, transfer, transferEvent, relation);
            });
        }

        progress(Line($"clients, transfers (3 events each), relations: {population.Clients} in {watch.Elapsed.TotalSeconds:F0} s"));
        watch.Restart();
        using (var record = FloorStatement.Insert(database, "service_records", [.. ServiceRecordRawTable.Table.Columns.Select(c => c.Name), "ProjectCode"]))
        {
            // Record j of every client, then j + 1: the ids rise, so the primary key is appended to.
            for (var j = 0; j < population.RecordsPerClient; j++)
            {
                var round = j;
                InBatches(connection, population.Clients, i => WriteRecord(population, i, round, record));
            }
        }

        progress(Line($"service records: {population.Records} in {watch.Elapsed.TotalSeconds:F0} s"));
        watch.Restart();
        WriteCapacities(connection, population);
        foreach (var (_, sql) in indexes)
        {
            FloorStatement.Execute(connection, sql);
        }

        FloorStatement.Execute(connection, ServiceRecordDayTotalRow.RebuildSql);
        FloorStatement.Execute(connection, "ANALYZE; PRAGMA journal_mode=WAL;");
        progress(Line($"{indexes.Count} secondary indexes created again, the records' day totals summed and ANALYZE in {watch.Elapsed.TotalSeconds:F0} s"));
    }

    private static void WriteClient(
        ScalePopulation population, PersonalDataProtector protector, int i, (string Code, DateOnly BirthDate) person,
        FloorStatement client, FloorStatement transfer, FloorStatement transferEvent, FloorStatement relation)
    {
        var code = PersonalCode.Parse(person.Code);
        var identity = new ClientIdentity(code, null, ScalePopulation.GivenName, ScalePopulation.FamilyName);
        var clientId = ScalePopulation.ClientId(i);
        var transferId = ScalePopulation.TransferId(i);
        var provider = population.Provider(i);
        var submitted = ScalePopulation.Submitted(i);
        var accepted = submitted.AddDays(1);
        var completed = submitted.AddDays(2);
        var birthDate = Date(person.BirthDate);
        var group = ScalePopulation.Group.ToString();

        client.Run([
            clientId, protector.LookupHash(code), null, protector.Protect(identity, ClientRecord.AssociatedData(clientId)),
            birthDate, group, Time(submitted), Time(completed),
        ]);
        var caseNumber = Line($"SCL-{i + 1:D7}");
        transfer.Run([
            transferId, caseNumber, ScalePopulation.Source, null, ScalePopulation.Source, ScalePopulation.Source + "|" + caseNumber,
            ScalePopulation.Bytes(6, i, 16), ScalePopulation.Bytes(7, i, 32), clientId,
            protector.Protect(identity, ProtectedPerson.AssociatedData(transferId)), birthDate, group,
            provider.Municipality, ScalePopulation.Region(provider), ((int)population.Service(i)).ToString(CultureInfo.InvariantCulture),
            provider.Code, Date(ScalePopulation.Day(completed)), Line($"IAP-2021-{i + 1:D7}"), nameof(TransferState.Completed), null,
            population.HoldsPlace(i) ? provider.Code : null, 3L, Time(submitted), Time(completed),
        ]);
        transferEvent.Run([transferId, null, nameof(TransferState.Submitted), ScalePopulation.Source, Time(submitted), null, 1L]);
        transferEvent.Run([transferId, nameof(TransferState.Submitted), nameof(TransferState.Accepted), provider.Municipality, Time(accepted), null, 2L]);
        transferEvent.Run([transferId, nameof(TransferState.Accepted), nameof(TransferState.Completed), provider.Municipality, Time(completed), null, 3L]);
        relation.Run([clientId, nameof(RelationKind.Responsible), provider.Municipality, Date(ScalePopulation.Day(accepted)), null, transferId, null]);
        relation.Run([clientId, nameof(RelationKind.Provider), provider.Code, Date(ScalePopulation.Day(completed)), null, transferId, null]);
    }

    private static void WriteRecord(ScalePopulation population, int i, int j, FloorStatement insert)
    {
        var record = population.Record(i, j);
        var row = (long)j * population.Clients + i;
        var provider = population.Provider(i).Code;
        insert.Run([
            record.Id, ScalePopulation.Bytes(8, row, 16), ScalePopulation.Bytes(9, row, 32), ScalePopulation.ClientId(i),
            population.Service(i).ToString(), provider, Date(record.FirstDay), Date(record.LastDay),
            (long)(record.LastDay.DayNumber - record.FirstDay.DayNumber + 1), "Days", record.CostCents, record.FundingSource.ToString(),
            record.EsfProjectCode, provider, Time(record.RecordTime), null, null, null,
            record.EsfProjectCode is null ? Project.NoProjectCode : ScalePopulation.EsfProjectCode,
        ]);
    }

    /// <summary>The places the transfers hold, in the counters a capacity query reads.</summary>
    private static void WriteCapacities(SqliteConnection connection, ScalePopulation population)
    {
        using var upsert = new FloorStatement(connection.Handle!, """
            INSERT INTO provider_capacities (ProviderCode, ServiceType, Reserved, Occupied) VALUES (?1, ?2, 0, ?3)
            ON CONFLICT (ProviderCode, ServiceType) DO UPDATE SET Occupied = excluded.Occupied
            """);
        var occupied = new Dictionary<(string, string), long>();
        for (var i = 0; i < population.Clients; i++)
        {
            if (population.HoldsPlace(i))
            {
                var key = (population.Provider(i).Code, population.Service(i).ToString());
                occupied[key] = occupied.GetValueOrDefault(key) + 1;
            }
        }

        FloorStatement.Execute(connection, "BEGIN");
        foreach (var ((provider, service), count) in occupied)
        {
            upsert.Run([provider, service, count]);
        }

        FloorStatement.Execute(connection, "COMMIT");
    }

    private static void InBatches(SqliteConnection connection, int count, Action<int> write)
    {
        for (var first = 0; first < count; first += RowsPerTransaction)
        {
            FloorStatement.Execute(connection, "BEGIN");
            for (var i = first; i < Math.Min(count, first + RowsPerTransaction); i++)
            {
                write(i);
            }

            FloorStatement.Execute(connection, "COMMIT");
        }
    }

    /// <summary>The indexes the migrations created on the generated tables, with the SQL that creates each.</summary>
    private static List<(string Name, string Sql)> SecondaryIndexes(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => "'" + t + "'"))})";
        using var reader = command.ExecuteReader();
        var indexes = new List<(string, string)>();
        while (reader.Read())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    // EF Core stores DateTime in SQLite as this text; DateOnly as yyyy-MM-dd.
    private static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
