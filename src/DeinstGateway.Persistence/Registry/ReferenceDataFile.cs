using System.Text.Json;
using System.Text.Json.Serialization;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// The versioned reference-data file (<c>reference-data.json</c>): institutions, the service
/// catalogue and the programme's projects with their rules. It is read and checked whole before
/// anything is written.
/// </summary>
internal sealed record ReferenceDataFile(
    string Version,
    IReadOnlyList<ServiceTypeEntry> ServiceTypes,
    IReadOnlyList<InstitutionEntry> Institutions,
    IReadOnlyList<CapacityEntry>? Capacities,
    IReadOnlyList<Project>? Projects)
{
    public IReadOnlyList<Project> ProjectEntries => Projects ?? [];

    public IReadOnlyList<CapacityEntry> CapacityEntries => Capacities ?? [];

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static ReferenceDataFile Read(string path)
    {
        ReferenceDataFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<ReferenceDataFile>(stream, Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException($"The reference-data file '{path}' cannot be read: {e.Message}", e);
        }

        if (file is null)
        {
            throw new InvalidDataException($"The reference-data file '{path}' is empty.");
        }

        file.Check(path);
        return file;
    }

    private void Check(string path)
    {
        var problems = new List<string>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in Institutions)
        {
            if (!InstitutionCode.IsWellFormed(entry.Code))
            {
                problems.Add($"institution code '{entry.Code}' is not well formed");
            }
            else if (!codes.Add(entry.Code))
            {
                problems.Add($"institution code '{entry.Code}' appears twice");
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problems.Add($"institution '{entry.Code}' has no name");
            }

            if (entry.ValidFrom is { } from && entry.ValidTo is { } to && to <= from)
            {
                problems.Add($"institution '{entry.Code}' ends before it starts");
            }
        }

        foreach (var entry in Institutions)
        {
            foreach (var reference in new[] { entry.PlanningRegion, entry.Municipality, entry.Parent, entry.Successor })
            {
                if (reference is not null && !codes.Contains(reference))
                {
                    problems.Add($"institution '{entry.Code}' refers to unknown institution '{reference}'");
                }
            }
        }

        var types = ServiceTypes.Select(s => s.Type).ToList();
        if (types.Distinct().Count() != types.Count)
        {
            problems.Add("a service type appears twice");
        }

        var limitCodes = ServiceTypes.SelectMany(s => s.Limits).Select(l => l.Code).ToList();
        if (limitCodes.Distinct(StringComparer.Ordinal).Count() != limitCodes.Count)
        {
            problems.Add("a service limit code appears twice");
        }

        var providers = Institutions.Where(i => i.Kind == InstitutionKind.ServiceProvider).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var capacity in CapacityEntries)
        {
            if (!providers.Contains(capacity.Provider))
            {
                problems.Add($"capacity names '{capacity.Provider}', which is not a service provider of the file");
            }

            if (capacity.Places < 0)
            {
                problems.Add($"capacity of '{capacity.Provider}' for {capacity.ServiceType} is negative");
            }
        }

        if (CapacityEntries.Select(c => (c.Provider, c.ServiceType, c.EffectiveFrom)).Distinct().Count() != CapacityEntries.Count)
        {
            problems.Add("a provider's capacity for a service and date appears twice");
        }

        problems.AddRange(SuccessorProblems());
        var byCode = Institutions.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var catalogue = ServiceTypes.Select(s => s.Type).ToHashSet();
        problems.AddRange(ProjectEntries.SelectMany(p => ProjectDefinitions.Problems(p, byCode, catalogue)));
        if (ProjectEntries.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count() != ProjectEntries.Count)
        {
            problems.Add("a project code appears twice");
        }

        var numbers = ProjectEntries.Where(p => p.Number is not null).Select(p => p.Number).ToList();
        if (numbers.Distinct(StringComparer.Ordinal).Count() != numbers.Count)
        {
            problems.Add("a project number appears twice");
        }

        if (ProjectEntries.All(p => p.Code != Project.NoProjectCode))
        {
            problems.Add($"the projects lack '{Project.NoProjectCode}', whose rules judge records outside any project");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The reference-data file '{path}' is inconsistent: {string.Join("; ", problems)}.");
        }
    }
    /// <summary>
    /// A municipality's successor is a municipality that exists from the day it ends, and no chain
    /// of successors comes back to where it started: roll-ups to today's municipalities rely on both.
    /// </summary>
    private IEnumerable<string> SuccessorProblems()
    {
        var byCode = Institutions.GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var entry in Institutions.Where(i => i.Kind == InstitutionKind.Municipality && i.Successor is not null))
        {
            if (!byCode.TryGetValue(entry.Successor!, out var successor))
            {
                continue;
            }

            if (successor.Kind != InstitutionKind.Municipality || entry.ValidTo is not { } end || (successor.ValidFrom ?? DateOnly.MinValue) > end)
            {
                yield return $"municipality '{entry.Code}' has a successor that is no municipality existing from the day it ends";
            }

            var seen = new HashSet<string>(StringComparer.Ordinal) { entry.Code };
            for (var next = successor; next?.Successor is { } code; next = byCode.GetValueOrDefault(code))
            {
                if (!seen.Add(code))
                {
                    yield return $"municipality '{entry.Code}' has a chain of successors that comes back to it";
                    break;
                }
            }
        }
    }
}

internal sealed record InstitutionEntry(
    string Code,
    InstitutionKind Kind,
    string Name,
    string? PlanningRegion,
    string? Municipality,
    string? Parent,
    string? Address,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Successor,
    string? OfficialCode,
    IReadOnlyList<ServiceType>? OfferedServices);

internal sealed record ServiceTypeEntry(
    ServiceType Type,
    string NameLv,
    string NameEn,
    ServiceUnit Unit,
    IReadOnlyList<ServiceLimit> Limits);

/// <summary>Places a provider declared for one service from a date on.</summary>
internal sealed record CapacityEntry(string Provider, ServiceType ServiceType, int Places, DateOnly EffectiveFrom);
