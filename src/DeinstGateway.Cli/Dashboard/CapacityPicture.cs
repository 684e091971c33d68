using System.Text.Json.Serialization;
using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Dashboard;

/// <summary>What the dashboard page shows for one day: the coordinator's scope by municipality and provider.</summary>
public sealed record CapacityPicture(
    string Date,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ServiceLabel> ServiceTypes,
    Counts Total,
    IReadOnlyList<ServiceCounts> PerService,
    IReadOnlyList<Area> Municipalities)
{
    public static CapacityPicture From(QueryCapacityResponse answer, IReadOnlyList<ServiceLabel> labels) => new(
        Names.Date(answer.Date),
        answer.PlanningRegions.Select(r => r.Institution.DisplayName).Distinct().ToList(),
        labels,
        Counts.From(answer.Total),
        Sum(answer.Rows.Select(r => (r.ServiceType, r.Counts))),
        answer.Rows
            .GroupBy(r => r.Municipality.Name)
            .Select(m => new Area(
                Names.Id(m.Key),
                m.First().Municipality.DisplayName,
                Sum(m.Select(r => (r.ServiceType, r.Counts))),
                m.GroupBy(r => r.Provider.Name)
                    .Select(p => new Area(Names.Id(p.Key), p.First().Provider.DisplayName, Sum(p.Select(r => (r.ServiceType, r.Counts))), []))
                    .OrderBy(p => p.Name, StringComparer.CurrentCulture)
                    .ToList()))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList());

    private static List<ServiceCounts> Sum(IEnumerable<(ServiceType Type, PlaceCounts Counts)> rows) =>
        rows.GroupBy(r => r.Type)
            .OrderBy(g => g.Key)
            .Select(g => new ServiceCounts(
                Names.Words(g.Key),
                new Counts(g.Sum(r => r.Counts.Total), g.Sum(r => r.Counts.Reserved), g.Sum(r => r.Counts.Occupied), g.Sum(r => r.Counts.Free))))
            .ToList();
}

public sealed record ServiceLabel(string Type, string Lv, string En);

public sealed record Counts(int Total, int Reserved, int Occupied, int Free)
{
    public static Counts From(PlaceCounts? counts) =>
        counts is null ? new Counts(0, 0, 0, 0) : new Counts(counts.Total, counts.Reserved, counts.Occupied, counts.Free);
}

public sealed record ServiceCounts(string ServiceType, Counts Counts);

/// <summary>A municipality with its providers, or a provider (no further areas).</summary>
public sealed record Area(
    string Code,
    string Name,
    IReadOnlyList<ServiceCounts> Services,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] IReadOnlyList<Area>? Providers);
