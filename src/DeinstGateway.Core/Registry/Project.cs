using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Core.Registry;

/// <summary>
/// A project of the programme, the unit its rules belong to: a regional ESF DI project, the
/// ministry's individual-budget pilot, or <see cref="NoProjectCode"/> (state, municipal or
/// individual budget outside any project). A service record names one, and is judged by its rules.
/// </summary>
/// <param name="Code">The gateway's own stable code (e.g. <c>esf-zemgale</c>), as in <c>projects/{code}</c>.</param>
/// <param name="Number">The official project number (e.g. 9.2.2.1/15/I/001), null where it is not known.</param>
/// <param name="Name">The project's name, null where it is not known.</param>
/// <param name="LeadCode">The institution that leads it (a planning region, the ministry); null for no project.</param>
/// <param name="Period">The days it funds, both included; null: no bound.</param>
/// <param name="FundingSources">The funding sources a record under it may name.</param>
/// <param name="Split">How an amount under it is shared; null: not split (the funding source pays all).</param>
/// <param name="Partners">Where it delivers; null: anywhere (no partner check).</param>
/// <param name="Services">The services it offers with their rules; null: every service of the catalogue under the catalogue's limits (the general rules), for the client only.</param>
public sealed record Project(
    string Code,
    string? Number,
    string? Name,
    string? LeadCode,
    InclusivePeriod? Period,
    IReadOnlyList<FundingSource> FundingSources,
    FundingShares? Split,
    IReadOnlyList<ProjectPartner>? Partners,
    IReadOnlyList<ProjectService>? Services)
{
    /// <summary>The project of records funded outside any project, judged by the general rules.</summary>
    public const string NoProjectCode = "none";

    private const string ResourcePrefix = "projects/";

    public static string ResourceName(string code) => ResourcePrefix + code;

    /// <summary>The code in <c>projects/{code}</c>, or null when the name is not of that form.</summary>
    public static string? CodeFromResourceName(string name)
    {
        var code = name.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? name[ResourcePrefix.Length..] : null;
        return InstitutionCode.IsWellFormed(code) ? code : null;
    }
}

/// <summary>
/// A partner of a project from <see cref="ValidFrom"/> (inclusive) until <see cref="ValidTo"/>
/// (exclusive), like registry validity: a municipality (historical ones included), or a planning
/// region standing for every municipality in it.
/// </summary>
public sealed record ProjectPartner(string InstitutionCode, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day < ValidTo);
}

/// <summary>A service a project offers, the limits it sets on it and who may receive it.</summary>
public sealed record ProjectService(ServiceType Type, IReadOnlyList<ServiceLimit> Limits, IReadOnlyList<RecipientKind> Recipients);

/// <summary>Who receives a recorded service. Whoever receives it, the record counts under the client.</summary>
public enum RecipientKind
{
    /// <summary>The client in person.</summary>
    Client = 1,

    /// <summary>The client's legal representative (a parent or guardian), e.g. social rehabilitation for the parents of a child.</summary>
    LegalRepresentative = 2,

    /// <summary>The foster family caring for the client.</summary>
    FosterFamily = 3,
}

/// <summary>
/// Shares of an amount in basis points (1/100 of a per cent), summing to <see cref="Whole"/>:
/// integers, so the funding report's arithmetic stays exact.
/// </summary>
public sealed record FundingShares(int EsfBasisPoints, int StateBudgetBasisPoints, int MunicipalBasisPoints)
{
    public const int Whole = 10_000;

    public bool IsWhole =>
        EsfBasisPoints >= 0 && StateBudgetBasisPoints >= 0 && MunicipalBasisPoints >= 0
        && EsfBasisPoints + StateBudgetBasisPoints + MunicipalBasisPoints == Whole;
}
