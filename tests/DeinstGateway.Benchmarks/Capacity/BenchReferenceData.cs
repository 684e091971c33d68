using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Benchmarks.Capacity;

/// <summary>A generated service provider and the places it declares per service.</summary>
public sealed record BenchProvider(string Code, string Municipality, IReadOnlyDictionary<ServiceType, int> Places);

/// <summary>
/// A variant of the shipped <c>reference-data.json</c>: every entry of the shipped file, plus
/// generated service providers in the Zemgale planning region, spread round-robin over its six
/// municipalities, each offering one to three place-based services and declaring places for each from 2021-07-01;
/// optionally as many again elsewhere (<see cref="OtherRegion"/>), which a Zemgale query must leave out.
/// Deterministic for a seed. The gateway loads it through <c>Registry:ReferenceDataPath</c>.
/// </summary>
public sealed class BenchReferenceData
{
    public const string PlanningRegion = "pr-zemgale";

    public static readonly string[] Municipalities =
        ["mun-jelgava", "mun-aizkraukle", "mun-bauska", "mun-dobele", "mun-jelgava-novads", "mun-jekabpils"];

    /// <summary>Where the providers outside the region lie.</summary>
    public const string OtherRegion = "pr-kurzeme";

    public static readonly string[] OtherMunicipalities =
        ["mun-liepaja", "mun-ventspils", "mun-dienvidkurzeme", "mun-kuldiga", "mun-saldus", "mun-talsi"];

    private static readonly ServiceType[] PlaceBasedServices =
        [ServiceType.GroupHome, ServiceType.DayCareCentreAdults, ServiceType.SpecialisedWorkshop];

    private const string EffectiveFrom = "2021-07-01";
    private const int MinPlaces = 5;
    private const int MaxPlaces = 40;

    private BenchReferenceData(
        string path, IReadOnlyList<BenchProvider> providers, IReadOnlyList<BenchProvider> elsewhere, int regionPairs, int regionPlaces, int institutions)
    {
        Path = path;
        Providers = providers;
        ProvidersElsewhere = elsewhere;
        RegionPairs = regionPairs;
        RegionPlaces = regionPlaces;
        Institutions = institutions;
    }

    public string Path { get; }

    /// <summary>The generated providers of the region.</summary>
    public IReadOnlyList<BenchProvider> Providers { get; }

    /// <summary>The generated providers of <see cref="OtherRegion"/>, numbered after the region's.</summary>
    public IReadOnlyList<BenchProvider> ProvidersElsewhere { get; }

    /// <summary>Distinct (provider, service) pairs declared in the region and in force today, shipped ones included.</summary>
    public int RegionPairs { get; }

    /// <summary>Places of those pairs in force today, added up.</summary>
    public int RegionPlaces { get; }

    /// <summary>Institutions in the variant file.</summary>
    public int Institutions { get; }

    /// <param name="shipped">The reference-data file shipped beside the gateway.</param>
    /// <param name="today">The day the query counts; declarations after it are not in force.</param>
    /// <param name="elsewhere">Providers generated in <see cref="OtherRegion"/> after the region's <paramref name="count"/>.</param>
    public static BenchReferenceData Write(string shipped, string path, int count, int seed, DateOnly today, int elsewhere = 0)
    {
        var root = JsonNode.Parse(File.ReadAllText(shipped))!.AsObject();
        var institutions = root["institutions"]!.AsArray();
        var capacities = root["capacities"] as JsonArray ?? [];
        root["capacities"] = capacities;
        root["version"] = root["version"]!.GetValue<string>() + "+bench-" + count.ToString(CultureInfo.InvariantCulture);

        var random = new Random(seed);
        var width = Math.Max(4, (count + elsewhere).ToString(CultureInfo.InvariantCulture).Length);
        var providers = new List<BenchProvider>(count + elsewhere);
        for (var i = 1; i <= count + elsewhere; i++)
        {
            var number = i.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var code = "prov-bench-" + number;
            var (region, municipalities) = i <= count ? (PlanningRegion, Municipalities) : (OtherRegion, OtherMunicipalities);
            var municipality = municipalities[(i - 1) % municipalities.Length];
            var offered = PlaceBasedServices.ToArray();
            random.Shuffle(offered);
            var services = offered.Take(random.Next(1, PlaceBasedServices.Length + 1)).Order().ToArray();
            institutions.Add(new JsonObject
            {
                ["code"] = code,
                ["kind"] = nameof(InstitutionKind.ServiceProvider),
                ["name"] = $"Bench provider {number} (demonstrācijas dati)",
                ["planningRegion"] = region,
                ["municipality"] = municipality,
                ["parent"] = null,
                ["address"] = null,
                ["validFrom"] = null,
                ["validTo"] = null,
                ["successor"] = null,
                ["officialCode"] = null,
                ["offeredServices"] = new JsonArray(services.Select(s => (JsonNode)JsonValue.Create(s.ToString())).ToArray()),
            });

            var places = new Dictionary<ServiceType, int>();
            foreach (var service in services)
            {
                places[service] = random.Next(MinPlaces, MaxPlaces + 1);
                capacities.Add(new JsonObject
                {
                    ["provider"] = code,
                    ["serviceType"] = service.ToString(),
                    ["places"] = places[service],
                    ["effectiveFrom"] = EffectiveFrom,
                });
            }

            providers.Add(new BenchProvider(code, municipality, places));
        }

        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        var (pairs, regionPlaces) = InRegion(root, today);
        return new BenchReferenceData(path, providers[..count], providers[count..], pairs, regionPlaces, institutions.Count);
    }

    /// <summary>
    /// From the file as written, shipped entries included: the (provider, service) pairs of the
    /// region's providers with a declaration in force today, and their places.
    /// </summary>
    private static (int Pairs, int Places) InRegion(JsonObject root, DateOnly today)
    {
        var inRegion = root["institutions"]!.AsArray()
            .Select(i => i!.AsObject())
            .Where(i => i["kind"]!.GetValue<string>() == nameof(InstitutionKind.ServiceProvider)
                && i["planningRegion"]?.GetValue<string>() == PlanningRegion)
            .Select(i => i["code"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var inForce = root["capacities"]!.AsArray()
            .Select(c => c!.AsObject())
            .Select(c => (
                Provider: c["provider"]!.GetValue<string>(),
                Service: c["serviceType"]!.GetValue<string>(),
                Places: c["places"]!.GetValue<int>(),
                From: DateOnly.ParseExact(c["effectiveFrom"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Where(c => inRegion.Contains(c.Provider) && c.From <= today)
            .GroupBy(c => (c.Provider, c.Service))
            .Select(g => g.MaxBy(c => c.From).Places)
            .ToList();
        return (inForce.Count, inForce.Sum());
    }
}
