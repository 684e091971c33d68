using System.Text.Json;
using System.Text.Json.Serialization;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Monitoring;
using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Registry;
using Microsoft.Extensions.Configuration;

namespace DeinstGateway.Persistence.Monitoring;

/// <summary>
/// The regional plans' targets (<c>plan-targets.json</c> beside the binaries, or
/// <c>Monitoring:PlanTargetsPath</c>), read and checked once at start: a target naming no planning
/// region of the reference data, or another mistake, stops the gateway rather than going unseen.
/// </summary>
internal sealed class PlanTargetsFile : IPlanTargetSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public PlanTargetsFile(IConfiguration configuration)
    {
        var configured = configuration["Monitoring:PlanTargetsPath"];
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "plan-targets.json") : Path.GetFullPath(configured);
        var regions = ReferenceDataFile.Read(ReferenceData.PathFrom(configuration)).Institutions
            .Where(i => i.Kind == InstitutionKind.PlanningRegion)
            .Select(i => i.Code)
            .ToHashSet(StringComparer.Ordinal);
        Targets = Read(path, regions);
    }

    public IReadOnlyList<PlanTarget> Targets { get; }

    private static List<PlanTarget> Read(string path, HashSet<string> regions)
    {
        File? file;
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            file = JsonSerializer.Deserialize<File>(stream, Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException($"The plan-targets file '{path}' cannot be read: {e.Message}", e);
        }

        var targets = file?.Targets ?? throw new InvalidDataException($"The plan-targets file '{path}' has no targets list.");
        var problems = targets
            .Select((t, i) => !regions.Contains(t.PlanningRegion) ? $"target {i} names no planning region of the reference data"
                : !Enum.IsDefined(t.TargetGroup) ? $"target {i} has no target group"
                : t.Year < 2015 ? $"target {i} lies before the programme (2015)"
                : t.CompletedTransfers < 0 ? $"target {i} is negative"
                : string.IsNullOrWhiteSpace(t.Source) ? $"target {i} cites no source"
                : null)
            .OfType<string>()
            .ToList();
        if (targets.GroupBy(t => (t.PlanningRegion, t.TargetGroup, t.Year)).Any(g => g.Count() > 1))
        {
            problems.Add("a region, target group and year have more than one target");
        }

        return problems.Count > 0
            ? throw new InvalidDataException($"The plan-targets file '{path}' is inconsistent: {string.Join("; ", problems)}.")
            : targets.Select(t => new PlanTarget(t.PlanningRegion, t.TargetGroup, t.Year, t.CompletedTransfers)).ToList();
    }

    private sealed record File(string Version, IReadOnlyList<Entry>? Targets);

    private sealed record Entry(string PlanningRegion, TargetGroup TargetGroup, int Year, long CompletedTransfers, string? Source);
}
