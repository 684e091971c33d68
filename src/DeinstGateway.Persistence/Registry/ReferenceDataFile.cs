using System.Text.Json;
using System.Text.Json.Serialization;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// The versioned reference-data file (<c>reference-data.json</c>): institutions and the service
/// catalogue. It is read and checked whole before anything is written.
/// </summary>
internal sealed record ReferenceDataFile(
    string Version,
    IReadOnlyList<ServiceTypeEntry> ServiceTypes,
    IReadOnlyList<InstitutionEntry> Institutions,
    IReadOnlyList<CapacityEntry>? Capacities,
    IReadOnlyList<EsfProjectEntry>? EsfProjects)
{
    public IReadOnlyList<EsfProjectEntry> EsfProjectEntries => EsfProjects ?? [];

    public IReadOnlyList<CapacityEntry> CapacityEntries => Capacities ?? [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
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

        foreach (var project in EsfProjectEntries.Where(p => p.End < p.Start))
        {
            problems.Add($"ESF project '{project.Code}' ends before it starts");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The reference-data file '{path}' is inconsistent: {string.Join("; ", problems)}.");
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

/// <summary>An ESF project of the DI measure with its verified period.</summary>
internal sealed record EsfProjectEntry(string Code, string Name, string? PlanningRegion, DateOnly Start, DateOnly End);

internal sealed record ServiceTypeEntry(
    ServiceType Type,
    string NameLv,
    string NameEn,
    ServiceUnit Unit,
    IReadOnlyList<ServiceLimit> Limits);

/// <summary>Places a provider declared for one service from a date on.</summary>
internal sealed record CapacityEntry(string Provider, ServiceType ServiceType, int Places, DateOnly EffectiveFrom);
