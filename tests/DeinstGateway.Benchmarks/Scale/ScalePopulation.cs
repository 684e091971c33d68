using System.Buffers.Binary;
using System.Globalization;
using DeinstGateway.Benchmarks.Capacity;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Benchmarks.Scale;

/// <summary>One generated service record, as its row holds it.</summary>
public sealed record ScaleRecord(
    string Id, DateOnly FirstDay, DateOnly LastDay, long CostCents, FundingSource FundingSource, string? EsfProjectCode, DateTime RecordTime);

/// <summary>
/// The people of a <c>scale</c> database, each a pure function of its index, so that the
/// benchmark knows what any client's rows hold without keeping them (and a kept database can be
/// measured again without generating it). Client <c>i</c> is served by provider <c>i mod 2,000</c>
/// (the 1,000 of Zemgale, then the 1,000 of Kurzeme, <see cref="BenchReferenceData"/>), in one
/// place-based service it offers; its municipality is the provider's. Each client came with one
/// transfer from <c>vsac-zemgale</c>, submitted, accepted and completed in 2021, which made that
/// municipality responsible and that provider the one serving it; the transfers of the first
/// half of a service's places hold them. Each client has <c>K</c> monthly service records
/// spread over 2022–2025, recorded by its provider; every fourth is ESF-funded in Zemgale.
/// </summary>
public sealed class ScalePopulation
{
    public const int RegionProviders = 1_000;
    public const int Providers = 2 * RegionProviders;
    public const string Source = "vsac-zemgale";
    public const string EsfProject = "9.2.2.1/15/I/001";

    /// <summary>That project's code in the reference data: the records name it, and the report splits by its shares.</summary>
    public const string EsfProjectCode = "esf-zemgale";
    public const string GivenName = "Anna";
    public const string FamilyName = "Bērziņa";
    public const TargetGroup Group = TargetGroup.AdultWithIntellectualOrMentalDisability;

    /// <summary>The records' first days fall on the first of these months.</summary>
    public const int RecordMonths = 48;

    public static readonly DateOnly FirstRecordMonth = new(2022, 1, 1);
    public static readonly DateTime FirstSubmission = new(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private const int Seed = 20_261_204;
    private static readonly DateOnly FirstBirthDate = new(1950, 1, 1);
    private static readonly DateTime FirstRecordTime = new(2022, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly BenchProvider[] _providers;
    private readonly ServiceType[][] _services;

    public ScalePopulation(BenchReferenceData data, int clients, int recordsPerClient)
    {
        if (data.Providers.Count != RegionProviders || data.ProvidersElsewhere.Count != RegionProviders)
        {
            throw new ArgumentException($"The reference data must hold {RegionProviders} providers in and outside the region.", nameof(data));
        }

        Data = data;
        Clients = clients;
        RecordsPerClient = recordsPerClient;
        _providers = [.. data.Providers, .. data.ProvidersElsewhere];
        _services = _providers.Select(p => p.Places.Keys.Order().ToArray()).ToArray();
    }

    public BenchReferenceData Data { get; }

    public int Clients { get; }

    public int RecordsPerClient { get; }

    public long Records => (long)Clients * RecordsPerClient;

    public BenchProvider Provider(int client) => _providers[client % Providers];

    public bool InRegion(int client) => client % Providers < RegionProviders;

    public ServiceType Service(int client)
    {
        var services = _services[client % Providers];
        return services[client / Providers % services.Length];
    }

    /// <summary>The client's place in the line of its provider's service: the first half of the places are held.</summary>
    public bool HoldsPlace(int client)
    {
        var services = _services[client % Providers].Length;
        return client / Providers / services < Provider(client).Places[Service(client)] / 2;
    }

    /// <summary>The places the generated transfers occupy, summed over the region's providers.</summary>
    public int RegionOccupied()
    {
        var occupied = 0;
        for (var p = 0; p < RegionProviders && p < Clients; p++)
        {
            var ofProvider = (Clients - p + Providers - 1) / Providers;
            var services = _services[p];
            for (var s = 0; s < services.Length; s++)
            {
                var ofService = (ofProvider - s + services.Length - 1) / services.Length;
                occupied += Math.Min(ofService, _providers[p].Places[services[s]] / 2);
            }
        }

        return occupied;
    }

    public static string Region(BenchProvider provider) =>
        BenchReferenceData.Municipalities.Contains(provider.Municipality) ? BenchReferenceData.PlanningRegion : BenchReferenceData.OtherRegion;

    public static string ClientId(int client) => Version4(Mix(1, client), Mix(2, client));

    public static string TransferId(int client) => Version7(Submitted(client), Mix(3, client));

    public static DateTime Submitted(int client) => FirstSubmission.AddSeconds(client);

    public static DateOnly Day(DateTime time) => DateOnly.FromDateTime(time);

    /// <summary>Bytes that look random and are the same for the same (stream, index) in every run.</summary>
    public static byte[] Bytes(long stream, long index, int length)
    {
        var bytes = new byte[(length + 7) / 8 * 8];
        for (var k = 0; k < bytes.Length / 8; k++)
        {
            BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(k * 8), Mix((stream * 8) + k, index));
        }

        return bytes[..length];
    }

    /// <summary>Record <paramref name="j"/> of client <paramref name="client"/>: its id orders the records by <c>j</c>, then by client.</summary>
    public ScaleRecord Record(int client, int j)
    {
        var row = (long)j * Clients + client;
        var month = j * RecordMonths / RecordsPerClient;
        var first = FirstRecordMonth.AddMonths(month);
        var time = FirstRecordTime.AddMilliseconds(row);
        var funding = ((client + j) % 4) switch
        {
            0 when InRegion(client) => FundingSource.EsfProject,
            0 or 2 => FundingSource.MunicipalBudget,
            1 => FundingSource.StateBudget,
            _ => FundingSource.IndividualBudget,
        };
        return new ScaleRecord(
            Version7(time, Mix(4, row)),
            first,
            first.AddMonths(1).AddDays(-1),
            1_000 + (long)(Mix(5, row) % 300_000),
            funding,
            funding == FundingSource.EsfProject ? EsfProject : null,
            time);
    }

    /// <summary>
    /// The personal codes of clients 0, 1, 2 …: old-format codes of consecutive birth dates from
    /// 1950, a thousand serial numbers a day, those without a valid check digit skipped.
    /// </summary>
    public static IEnumerable<(string Code, DateOnly BirthDate)> Codes()
    {
        for (var birthDate = FirstBirthDate; ; birthDate = birthDate.AddDays(1))
        {
            var century = birthDate.Year < 2000 ? '1' : '2';
            for (var serial = 0; serial < 1000; serial++)
            {
                var body = string.Create(CultureInfo.InvariantCulture, $"{birthDate:ddMMyy}{century}{serial:D3}");
                if (PersonalCode.CheckDigit(body) is { } check)
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"{body[..6]}-{body[6..]}{check}"), birthDate);
                }
            }
        }
    }

    /// <summary>SplitMix64 of (stream, index): the same bits for the same row in every run.</summary>
    public static ulong Mix(long stream, long index)
    {
        var z = unchecked((ulong)(Seed + stream * 0x632BE59BD9B4E019L + index) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static string Version4(ulong high, ulong low) => Uuid(high, low, version: 4);

    /// <summary>A UUIDv7 of the time, as the gateway's transfer and record ids are: their order is the time's.</summary>
    private static string Version7(DateTime time, ulong random) =>
        Uuid(((ulong)new DateTimeOffset(time).ToUnixTimeMilliseconds() << 16) | (random >> 52), random, version: 7);

    private static string Uuid(ulong high, ulong low, int version)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (high & ~0xF000UL) | ((ulong)version << 12));
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
