using System.Globalization;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>
/// The shipped catalogue and projects, one provider, and record builders for the programme rules'
/// tests, which vary one fact at a time. Records default to municipal funding under no project (the
/// general rules) so that the projects' rules stay out of tests about other rules.
/// </summary>
internal static class ServiceRecordSamples
{
    public const string ProviderCode = "prov-demo-riga-respite";
    public const string ZemgaleProject = "9.2.2.1/15/I/001";

    public static readonly IReadOnlyList<ServiceTypeDefinition> Catalogue = ShippedCatalogue.Load();
    public static readonly IReadOnlyList<Project> Projects = ShippedCatalogue.LoadProjects();
    public static readonly ProgrammeRules Rules = new(Catalogue, Projects);

    /// <summary>17th birthday 2027-05-14, 18th birthday 2028-05-14.</summary>
    public static readonly DateOnly Child = Day("2010-05-14");

    /// <summary>4th birthday 2024-03-11, 5th birthday 2025-03-11 (a Tuesday).</summary>
    public static readonly DateOnly SmallChild = Day("2020-03-11");

    /// <summary>18th birthday 2026-11-23 (a Monday).</summary>
    public static readonly DateOnly TurnsAdultIn2026 = Day("2008-11-23");

    public static readonly DateOnly Adult = Day("1985-03-15");

    public static DateOnly Day(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static InclusivePeriod Period(string firstDay, string lastDay) => new(Day(firstDay), Day(lastDay));

    public static ServiceRecordCandidate Record(
        ServiceType type, DateOnly birthDate, string firstDay, string lastDay, long quantity, ServiceUnit unit) =>
        new(
            ClientBirthDate: birthDate,
            ServiceType: type,
            ProviderCode: ProviderCode,
            Period: Period(firstDay, lastDay),
            Quantity: quantity,
            Unit: unit,
            CostCents: 12_345,
            FundingSource: FundingSource.MunicipalBudget,
            EsfProjectCode: null);

    public static ServiceRecordCandidate Respite(DateOnly birthDate, string firstDay, string lastDay, long days) =>
        Record(ServiceType.RespiteCare, birthDate, firstDay, lastDay, days, ServiceUnit.Days);

    public static ServiceRecordCandidate HomeCare(DateOnly birthDate, string firstDay, string lastDay, long hours) =>
        Record(ServiceType.HomeCare, birthDate, firstDay, lastDay, hours, ServiceUnit.Hours);

    public static ServiceRecordCandidate Rehabilitation(DateOnly birthDate, string firstDay, string lastDay, long sessions) =>
        Record(ServiceType.SocialRehabilitation, birthDate, firstDay, lastDay, sessions, ServiceUnit.Sessions);

    /// <summary>A day-care record: a service without limits, for the provider, funding and shape rules.</summary>
    public static ServiceRecordCandidate DayCare(string firstDay, string lastDay) =>
        Record(ServiceType.DayCareCentreChildren, Child, firstDay, lastDay, 5, ServiceUnit.Places);

    public static RecordedQuantity Earlier(ServiceType type, string firstDay, string lastDay, long quantity) =>
        new(type, Period(firstDay, lastDay), quantity);

    public static SupportPlanFacts Plan(string firstDay, string lastDay, params ServiceType[] planned) =>
        new(planned.ToHashSet(), Period(firstDay, lastDay));

    public static Institution Provider(DateOnly? validFrom = null, DateOnly? validTo = null) => new(
        Code: ProviderCode,
        Kind: InstitutionKind.ServiceProvider,
        DisplayName: "Atelpas brīža pakalpojums",
        PlanningRegion: new InstitutionRef("pr-riga", "Rīgas plānošanas reģions"),
        Municipality: new InstitutionRef("mun-riga", "Rīgas valstspilsētas pašvaldība"),
        Parent: null,
        Address: null,
        ValidFrom: validFrom,
        ValidTo: validTo,
        Successor: null,
        OfficialCode: null);

    /// <summary>The provider in Rīga, or where <paramref name="territory"/> says (a municipality rolled up with its predecessors, and its region).</summary>
    public static ServiceProviderFacts OfferingProvider(Institution? institution = null, params string[] territory) => new(
        institution ?? Provider(),
        new HashSet<ServiceType>
        {
            ServiceType.RespiteCare,
            ServiceType.HomeCare,
            ServiceType.SocialRehabilitation,
            ServiceType.DayCareCentreChildren,
        },
        (territory.Length > 0 ? territory : ["mun-riga", "pr-riga"]).ToHashSet(StringComparer.Ordinal));

    public static ProgrammeFacts Facts(params RecordedQuantity[] earlier) => new(
        Provider: OfferingProvider(),
        SupportPlans: [],
        EarlierRecords: earlier);

    public static ProgrammeFacts WithPlans(this ProgrammeFacts facts, params SupportPlanFacts[] plans) =>
        facts with { SupportPlans = plans };

    /// <summary>The shipped catalogue with one limit changed, as an edit of the reference data would change it.</summary>
    public static ProgrammeRules RulesWithLimit(string code, Func<ServiceLimit, ServiceLimit> change) =>
        new(Catalogue
            .Select(s => s with { Limits = s.Limits.Select(l => l.Code == code ? change(l) : l).ToList() })
            .ToList(), Projects);

    /// <summary>Asserts exactly these codes, in any order (each as often as given).</summary>
    public static void AssertCodes(IReadOnlyList<ServiceRecordViolation> violations, params string[] expected) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), violations.Select(v => v.Code).Order(StringComparer.Ordinal));
}
