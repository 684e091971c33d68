using DeinstGateway.Core.Registry;
using static DeinstGateway.Core.ServiceRecords.ServiceRecordReasons;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>A project with the services it offers by type (the catalogue's, for a project that lists none).</summary>
internal sealed record ProjectRules(Project Project, IReadOnlyDictionary<ServiceType, ProjectService> Services);

/// <summary>
/// Which project a record belongs to (<see cref="ProjectOf"/>), and the rules it meets by belonging
/// to it (<see cref="OfferedService"/>): a funding source the project admits, a
/// period inside the project's, delivery in a partner municipality on every day, a service the
/// project offers, to a recipient the project allows for it.
/// <para>
/// Partners: a provider's registry entry names one municipality for its whole life (today's), so
/// the check compares territories: the provider's <see cref="ServiceProviderFacts.Territory"/> holds
/// its municipality, every former municipality rolled up into it and its planning region, and a
/// partner entry counts when it names one of them. A former county that was a partner counts for
/// every provider in its successor, while it was a partner.
/// </para>
/// </summary>
internal static class ProjectChecks
{
    /// <summary>
    /// The project whose rules judge the record: the one named in <c>project</c> or by its number in
    /// <c>esf_project_code</c> (both must then agree); with neither, "no project" for a record not
    /// funded by the ESF, which always belongs to a project. Null, with the reason, when none can be told.
    /// </summary>
    public static ProjectRules? ProjectOf(
        IReadOnlyDictionary<string, ProjectRules> projects, ServiceRecordCandidate candidate, Action<string, string> fail)
    {
        ProjectRules? named = null;
        if (candidate.ProjectCode is { } code && !projects.TryGetValue(code, out named))
        {
            fail(ProjectUnknown, "The project is not known.");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(candidate.EsfProjectCode))
        {
            if (candidate.FundingSource != FundingSource.EsfProject)
            {
                fail(EsfProjectCodeNotExpected, "Only an ESF-funded record names an ESF project number.");
                return null;
            }

            var numbered = projects.Values.FirstOrDefault(p => string.Equals(p.Project.Number, candidate.EsfProjectCode, StringComparison.Ordinal));
            if (numbered is null)
            {
                fail(EsfProjectUnknown, "No project of the programme has this ESF project number.");
                return null;
            }

            if (named is not null && named != numbered)
            {
                fail(EsfProjectCodeDoesNotMatchProject, "esf_project_code is the number of another project than the one named in project.");
                return null;
            }

            return numbered;
        }

        if (named is not null)
        {
            return named;
        }

        if (candidate.FundingSource == FundingSource.EsfProject)
        {
            fail(EsfProjectCodeMissing, "An ESF-funded record must name its project in project (or its number in esf_project_code).");
            return null;
        }

        return projects[Project.NoProjectCode];
    }

    /// <summary>The service as the project offers it, or null (with the reason) when it does not offer it.</summary>
    public static ProjectService? OfferedService(
        ServiceRecordCandidate candidate, ProjectRules rules, ServiceProviderFacts? provider, Action<string, string> fail)
    {
        var project = rules.Project;
        if (Enum.IsDefined(candidate.FundingSource) && !project.FundingSources.Contains(candidate.FundingSource))
        {
            fail(FundingSourceNotInProject, project.Code == Project.NoProjectCode
                ? "A record outside any project is funded by the state, municipal or individual budget; an ESF-funded record names its project."
                : "The project does not fund records from this funding source.");
        }

        if (project.Period is { } period && !period.Covers(candidate.Period))
        {
            fail(EsfOutsideProjectPeriod, "The period is not wholly inside the project's period.");
        }

        if (project.Partners is { } partners && provider is not null && !CoveredByPartners(partners, provider.Territory, candidate.Period))
        {
            fail(DeliveredOutsideProjectPartners, "The provider's municipality is not a partner of the project on every day of the period.");
        }

        if (!rules.Services.TryGetValue(candidate.ServiceType, out var service))
        {
            fail(ServiceNotInProject, "The project does not offer this service type.");
            return null;
        }

        if (Enum.IsDefined(candidate.RecipientKind) && !service.Recipients.Contains(candidate.RecipientKind))
        {
            fail(RecipientNotPermitted, "The project does not offer this service to this kind of recipient.");
        }

        return service;
    }

    /// <summary>Whether the partner entries naming the territory, taken together, hold on every day of the period.</summary>
    private static bool CoveredByPartners(IEnumerable<ProjectPartner> partners, IReadOnlySet<string> territory, InclusivePeriod period)
    {
        var covered = period.FirstDay;
        foreach (var partner in partners.Where(p => territory.Contains(p.InstitutionCode)).OrderBy(p => p.ValidFrom ?? DateOnly.MinValue))
        {
            if (!partner.IsValidOn(covered))
            {
                continue;
            }

            // Validity is half-open: the partner holds up to the day before ValidTo.
            if (partner.ValidTo is not { } until || until > period.LastDay)
            {
                return true;
            }

            covered = until;
        }

        return false;
    }
}
