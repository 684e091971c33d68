using DeinstGateway.Core.Registry;
using System.Globalization;
using DeinstGateway.Benchmarks.Capacity;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.ServiceRecords;
using Microsoft.Data.Sqlite;
using Proto = Deinst.V1;

namespace DeinstGateway.Benchmarks.Scale;

/// <summary>
/// The reads <c>scale</c> times, each checking its answer against what <see cref="ScalePopulation"/>
/// generated: the transfer's and the client's decrypted personal code, a client's first page of
/// records by id and cost, the region's places, and the funding report's lines against the same
/// sums taken by SQLite on the file. A wrong answer ends the benchmark.
/// </summary>
public sealed class ScaleReads(
    ScalePopulation population, string databasePath, Channels channels, int pageSize, DateOnly reportFrom, DateOnly reportUntil)
{
    private const string Region = "institutions/" + BenchReferenceData.PlanningRegion;

    /// <summary>The Zemgale project's split as reference-data.json gives it: 85 % ESF, 15 % state budget.</summary>
    private static readonly FundingShares ZemgaleShares = new(8_500, 1_500, 0);

    private readonly Dictionary<int, string> _codes = [];
    private readonly List<string> _verified = [];
    private int _transfers;
    private int _lookups;
    private int _pages;
    private int _capacities;
    private int _reports;
    private IReadOnlyDictionary<(Proto.ServiceType, Proto.FundingSource, string), (long Records, long Cents)>? _expectedLines;

    public IEnumerable<string> Verified =>
    [
        Line($"verified: {_transfers} GetTransfer answers (warm-up included): the transfer asked for, its person's personal code decrypted as generated"),
        Line($"verified: {_lookups} LookupClient answers: the generated client of the code, with that code"),
        Line($"verified: {_pages} ListServiceRecords pages: exactly the client's first {Math.Min(pageSize, population.RecordsPerClient)} records by id, each with its generated cost"),
        .. _verified,
        Line($"verified: {_reports} GetFundingReport answers: every line's record count and total equal SQLite's GROUP BY over the file; ESF parts add up to the ESF lines' totals, and the ESF total is 85 % of them rounded down"),
    ];

    /// <summary>Untimed: the personal codes of the sampled clients, from the deterministic sequence.</summary>
    public void LoadCodes(IReadOnlyCollection<int> clients)
    {
        var wanted = clients.ToHashSet();
        var last = wanted.Max();
        var i = 0;
        foreach (var (code, _) in ScalePopulation.Codes())
        {
            if (wanted.Contains(i))
            {
                _codes[i] = code;
            }

            if (++i > last)
            {
                break;
            }
        }
    }

    public async Task GetTransferAsync(int client)
    {
        var municipality = population.Provider(client).Municipality;
        var transfers = new Proto.TransferService.TransferServiceClient(channels.For(municipality, Purposes.TransferHandover));
        var name = "transfers/" + ScalePopulation.TransferId(client);
        var transfer = await transfers.GetTransferAsync(new Proto.GetTransferRequest { Name = name });
        Expect(transfer.Name == name && SameCode(transfer.Person?.PersonalCode, client),
            $"GetTransfer {name} answered {transfer.Name} with another person");
        _transfers++;
    }

    public async Task LookupClientAsync(int client)
    {
        var municipality = population.Provider(client).Municipality;
        var clients = new Proto.ClientService.ClientServiceClient(channels.For(municipality, Purposes.SupportPlanning));
        var found = await clients.LookupClientAsync(new Proto.LookupClientRequest { PersonalCode = _codes[client] });
        var name = "clients/" + ScalePopulation.ClientId(client);
        Expect(found.Name == name && SameCode(found.Person?.PersonalCode, client), $"LookupClient of client {client} answered {found.Name}, expected {name}");
        _lookups++;
    }

    public async Task ListServiceRecordsAsync(int client)
    {
        var municipality = population.Provider(client).Municipality;
        var records = new Proto.ServiceRecordService.ServiceRecordServiceClient(channels.For(municipality, Purposes.ServiceDelivery));
        var page = await records.ListServiceRecordsAsync(new Proto.ListServiceRecordsRequest
        {
            Client = "clients/" + ScalePopulation.ClientId(client),
            PageSize = pageSize,
        });
        var expected = Enumerable.Range(0, Math.Min(pageSize, population.RecordsPerClient)).Select(j => population.Record(client, j)).ToList();
        Expect(page.ServiceRecords.Count == expected.Count
            && page.ServiceRecords.Zip(expected).All(p => p.First.Name == "serviceRecords/" + p.Second.Id && p.First.Cost.EuroCents == p.Second.CostCents),
            $"ListServiceRecords of client {client}: {page.ServiceRecords.Count} records, not its first {expected.Count} by id with their costs");
        _pages++;
    }

    public async Task QueryCapacityAsync()
    {
        var capacity = new Proto.CapacityService.CapacityServiceClient(channels.For(BenchReferenceData.PlanningRegion, Purposes.Supervision));
        var answer = await capacity.QueryCapacityAsync(new Proto.QueryCapacityRequest());
        if (_capacities++ == 0)
        {
            // Every transfer of the population is completed: the places it holds are occupied, none reserved.
            var occupied = population.RegionOccupied();
            var held = new LoadFigures(population.Clients, occupied, occupied, 0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);
            _verified.Add(CapacityQueryBenchmark.Verify(answer, [answer.Rows.Count], population.Data, held));
        }
        else
        {
            Expect(answer.Rows.Count == population.Data.RegionPairs, $"QueryCapacity answered {answer.Rows.Count} rows, the region declares {population.Data.RegionPairs} pairs");
        }
    }

    public async Task GetFundingReportAsync()
    {
        var reports = new Proto.ServiceRecordService.ServiceRecordServiceClient(channels.For(BenchReferenceData.PlanningRegion, Purposes.Supervision));
        var report = await reports.GetFundingReportAsync(new Proto.GetFundingReportRequest
        {
            Period = new Proto.DateRange { StartDate = Date(reportFrom), EndDate = Date(reportUntil) },
            PlanningRegion = Region,
        });
        _expectedLines ??= ExpectedLines();
        var lines = report.Lines.ToDictionary(l => (l.ServiceType, l.FundingSource, l.Project), l => (l.Records, l.Total.EuroCents));
        Expect(lines.Count == _expectedLines.Count && _expectedLines.All(e => lines.GetValueOrDefault(e.Key) == e.Value),
            $"GetFundingReport: {lines.Count} lines, {lines.Values.Sum(l => l.Records)} records, {report.Total.EuroCents} cents; SQLite counts {_expectedLines.Count} lines, {_expectedLines.Values.Sum(l => l.Records)} records, {_expectedLines.Values.Sum(l => l.Cents)} cents");
        var esf = report.Lines.Where(l => l.FundingSource == Proto.FundingSource.EsfProject).ToList();
        var esfTotal = esf.Sum(l => l.Total.EuroCents);
        Expect(esf.Count > 0
            && esf.All(l => l.Esf.EuroCents + l.StateBudgetCoFinancing.EuroCents == l.Total.EuroCents)
            && report.Esf.EuroCents == FundingSplit.Split(esfTotal, ZemgaleShares).Esf
            && report.Total.EuroCents == report.Lines.Sum(l => l.Total.EuroCents),
            $"GetFundingReport: ESF {report.Esf.EuroCents} of ESF lines totalling {esfTotal}, report total {report.Total.EuroCents}");
        _reports++;
    }

    /// <summary>The report's lines as SQLite sums them on the file, on a read-only connection of its own.</summary>
    private Dictionary<(Proto.ServiceType, Proto.FundingSource, string), (long Records, long Cents)> ExpectedLines()
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT ServiceType, FundingSource, 'projects/' || ProjectCode, COUNT(*), SUM(CostCents) FROM service_records
            WHERE ProviderCode IN (SELECT value FROM json_each($providers)) AND FirstDay >= $from AND FirstDay < $until AND WithdrawTime IS NULL
            GROUP BY 1, 2, 3
            """;
        command.Parameters.AddWithValue("$providers", FloorStatement.Json(population.Data.Providers.Select(p => p.Code)));
        command.Parameters.AddWithValue("$from", reportFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$until", reportUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        using var reader = command.ExecuteReader();
        var lines = new Dictionary<(Proto.ServiceType, Proto.FundingSource, string), (long, long)>();
        while (reader.Read())
        {
            // The file holds Core's enum names, which are also the C# names protoc gives the proto's values.
            var key = (Enum.Parse<Proto.ServiceType>(reader.GetString(0)), Enum.Parse<Proto.FundingSource>(reader.GetString(1)), reader.GetString(2));
            lines[key] = (reader.GetInt64(3), reader.GetInt64(4));
        }

        return lines;
    }

    private bool SameCode(string? answered, int client) =>
        answered is not null && answered.Replace("-", "", StringComparison.Ordinal) == _codes[client].Replace("-", "", StringComparison.Ordinal);

    private static void Expect(bool holds, string failure)
    {
        if (!holds)
        {
            throw new BenchmarkFailedException(failure);
        }
    }

    private static Google.Type.Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
