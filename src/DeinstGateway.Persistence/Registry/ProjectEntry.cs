using System.Text.Json;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// A project as the reference-data file states it, and as its row keeps it (<see cref="ProjectRow.Definition"/>).
/// Unknown facts stay null with the file saying so (a <c>source</c> member, which the loader skips).
/// </summary>
internal sealed record ProjectEntry(
    string Code,
    string? Number,
    string? Name,
    string? Lead,
    DateOnly? FirstDay,
    DateOnly? LastDay,
    IReadOnlyList<FundingSource> FundingSources,
    FundingShares? Split,
    IReadOnlyList<PartnerEntry>? Partners,
    IReadOnlyList<ProjectService>? Services)
{
    public string ToJson() => JsonSerializer.Serialize(this, ReferenceDataFile.Json);

    public static ProjectEntry FromJson(string json) =>
        JsonSerializer.Deserialize<ProjectEntry>(json, ReferenceDataFile.Json) ?? throw new InvalidDataException("A stored project definition is empty.");

    public Project ToDomain() => new(
        Code,
        Number,
        Name,
        Lead,
        FirstDay is { } first && LastDay is { } last ? new InclusivePeriod(first, last) : null,
        FundingSources,
        Split,
        Partners?.Select(p => new ProjectPartner(p.Institution, p.ValidFrom, p.ValidTo)).ToList(),
        Services);

    /// <summary>What is wrong with the entry, given the file's institutions by code.</summary>
    public IEnumerable<string> Problems(IReadOnlyDictionary<string, InstitutionEntry> institutions, IReadOnlySet<ServiceType> catalogue)
    {
        if (!InstitutionCode.IsWellFormed(Code))
        {
            yield return $"project code '{Code}' is not well formed";
        }

        if (Lead is not null && !institutions.ContainsKey(Lead))
        {
            yield return $"project '{Code}' is led by unknown institution '{Lead}'";
        }

        if (FirstDay.HasValue != LastDay.HasValue || FirstDay > LastDay)
        {
            yield return $"project '{Code}' needs both period days, the first not after the last";
        }

        if (FundingSources is null || FundingSources.Count == 0)
        {
            yield return $"project '{Code}' admits no funding source";
        }

        if (Split is { IsWhole: false })
        {
            yield return $"project '{Code}' has a split whose basis points are not non-negative and summing to {FundingShares.Whole}";
        }

        foreach (var partner in Partners ?? [])
        {
            if (!institutions.TryGetValue(partner.Institution, out var institution)
                || institution.Kind is not (InstitutionKind.Municipality or InstitutionKind.PlanningRegion))
            {
                yield return $"project '{Code}' names partner '{partner.Institution}', which is no municipality or planning region of the file";
            }
        }

        foreach (var service in Services ?? [])
        {
            if (!catalogue.Contains(service.Type))
            {
                yield return $"project '{Code}' offers {service.Type}, which is not in the catalogue";
            }

            if (service.Recipients is null || service.Recipients.Count == 0 || service.Recipients.Any(r => !Enum.IsDefined(r)))
            {
                yield return $"project '{Code}' offers {service.Type} to no known recipient";
            }

            if (service.Limits is null || service.Limits.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() != service.Limits.Count)
            {
                yield return $"project '{Code}' repeats a limit code of {service.Type} or lists no limits (use [])";
            }
        }
    }
}

/// <summary>A partner municipality or planning region from <c>validFrom</c> (inclusive) until <c>validTo</c> (exclusive).</summary>
internal sealed record PartnerEntry(string Institution, DateOnly? ValidFrom, DateOnly? ValidTo);
