using System.Text.Json;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// Projects as the reference-data file states them (the shape of <see cref="Project"/>, with a
/// <c>source</c> member the loader skips) and as their rows keep them (<see cref="ProjectRow.Definition"/>).
/// </summary>
internal static class ProjectDefinitions
{
    public static string ToJson(Project project) => JsonSerializer.Serialize(project, ReferenceDataFile.Json);

    public static Project FromJson(string json) =>
        JsonSerializer.Deserialize<Project>(json, ReferenceDataFile.Json) ?? throw new InvalidDataException("A stored project definition is empty.");

    /// <summary>What is wrong with a project of the file, given the file's institutions by code and its catalogue.</summary>
    public static IEnumerable<string> Problems(Project project, IReadOnlyDictionary<string, InstitutionEntry> institutions, IReadOnlySet<ServiceType> catalogue)
    {
        var code = project.Code;
        if (!InstitutionCode.IsWellFormed(code))
        {
            yield return $"project code '{code}' is not well formed";
        }

        if (project.LeadCode is { } lead && !institutions.ContainsKey(lead))
        {
            yield return $"project '{code}' is led by unknown institution '{lead}'";
        }

        if (project.Period is { EndsBeforeItStarts: true })
        {
            yield return $"project '{code}' ends before it starts";
        }

        if (project.FundingSources is null || project.FundingSources.Count == 0 || project.FundingSources.Any(s => !Enum.IsDefined(s)))
        {
            yield return $"project '{code}' admits no funding source or an unknown one";
        }

        if (project.Split is { IsWhole: false })
        {
            yield return $"project '{code}' has a split whose basis points are not non-negative and summing to {FundingShares.Whole}";
        }

        foreach (var partner in project.Partners ?? [])
        {
            if (!institutions.TryGetValue(partner.InstitutionCode ?? string.Empty, out var institution)
                || institution.Kind is not (InstitutionKind.Municipality or InstitutionKind.PlanningRegion))
            {
                yield return $"project '{code}' names partner '{partner.InstitutionCode}', which is no municipality or planning region of the file";
            }
        }

        foreach (var service in project.Services ?? [])
        {
            if (!catalogue.Contains(service.Type))
            {
                yield return $"project '{code}' offers {service.Type}, which is not in the catalogue";
            }

            if (service.Recipients is null || service.Recipients.Count == 0 || service.Recipients.Any(r => !Enum.IsDefined(r)))
            {
                yield return $"project '{code}' offers {service.Type} to no known recipient";
            }

            if (service.Limits is null || service.Limits.Select(l => l.Code).Distinct(StringComparer.Ordinal).Count() != service.Limits.Count)
            {
                yield return $"project '{code}' repeats a limit code of {service.Type} or lists no limits (use [])";
            }
        }
    }
}
