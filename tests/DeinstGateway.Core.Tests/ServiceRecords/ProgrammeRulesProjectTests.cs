using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using static DeinstGateway.Core.Tests.ServiceRecords.ServiceRecordSamples;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>
/// Each shipped project's rules on both sides of every limit: the Zemgale ESF project, the
/// ministry's individual-budget pilot and "no project" (the general rules), each record delivered by
/// a provider in one of the project's partner municipalities unless the case says otherwise.
/// </summary>
public sealed class ProgrammeRulesProjectTests
{
    private const string Zemgale = "esf-zemgale";
    private const string Pilot = "ib-pilot";
    private const string ChildrenOnly = "RESPITE_CARE_CHILDREN_ONLY";
    private const string DaysPerYear = "RESPITE_CARE_DAYS_PER_YEAR";
    private const string UpTo4 = "HOME_CARE_CHILD_UP_TO_4_HOURS_PER_WEEK";
    private const string From5To17 = "HOME_CARE_CHILD_5_TO_17_HOURS_PER_WEEK";
    private const string AdultHomeCarePlan = "HOME_CARE_ADULT_SUPPORT_PLAN";
    private const string RehabilitationPlan = "SOCIAL_REHABILITATION_SUPPORT_PLAN";

    /// <summary>18th birthday 2021-05-14, inside Zemgale's project.</summary>
    private static readonly DateOnly TurnsAdultIn2021 = Day("2003-05-14");

    /// <summary>Born 2018-01-10: 4 until 2023-01-09, so aged 2–4 in every case below.</summary>
    private static readonly DateOnly Toddler = Day("2018-01-10");

    private static readonly string[] InBauska = ["mun-bauska", "mun-pre2021-bauska", "mun-pre2021-vecumnieki", "pr-zemgale"];
    private static readonly string[] InBalvi = ["mun-balvi", "mun-pre2021-balvi", "mun-pre2021-vilaka", "pr-latgale"];
    private static readonly string[] InRiga = ["mun-riga", "pr-riga"];
    private static readonly string[] InJelgavaNovads = ["mun-jelgava-novads", "pr-zemgale"];

    public static TheoryData<string, ServiceRecordCandidate, ProgrammeFacts, string[]> Cases => new()
    {
        // Zemgale: respite for children up to 17 inclusive, at most 30 days a year.
        { "Zemgale respite, last day aged 17", Under(Zemgale, Respite(TurnsAdultIn2021, "2021-05-13", "2021-05-13", 1)), In(InBauska), [] },
        { "Zemgale respite, on the 18th birthday", Under(Zemgale, Respite(TurnsAdultIn2021, "2021-05-14", "2021-05-14", 1)), In(InBauska), [ChildrenOnly] },
        { "Zemgale respite, adult", Under(Zemgale, Respite(Adult, "2020-03-02", "2020-03-03", 2)), In(InBauska), [ChildrenOnly] },
        { "Zemgale respite, 30th day of the year", Under(Zemgale, Respite(Child, "2020-06-01", "2020-06-05", 5)), In(InBauska, RespiteDays(25)), [] },
        { "Zemgale respite, 31st day of the year", Under(Zemgale, Respite(Child, "2020-06-01", "2020-06-06", 6)), In(InBauska, RespiteDays(25)), [DaysPerYear] },

        // Zemgale: home care of a child, 50 h/week to age 4, 10 h/week from 5 to 17; adults need a plan.
        { "Zemgale home care, 50 h for a child of 3", Under(Zemgale, HomeCare(Toddler, "2021-06-07", "2021-06-13", 50)), In(InBauska), [] },
        { "Zemgale home care, 51 h for a child of 3", Under(Zemgale, HomeCare(Toddler, "2021-06-07", "2021-06-13", 51)), In(InBauska), [UpTo4] },
        { "Zemgale home care, 10 h for a child of 11", Under(Zemgale, HomeCare(Child, "2021-06-07", "2021-06-13", 10)), In(InBauska), [] },
        { "Zemgale home care, 11 h for a child of 11", Under(Zemgale, HomeCare(Child, "2021-06-07", "2021-06-13", 11)), In(InBauska), [From5To17] },
        { "Zemgale home care, adult without a plan", Under(Zemgale, HomeCare(Adult, "2021-06-07", "2021-06-13", 20)), In(InBauska), [AdultHomeCarePlan] },
        { "Zemgale home care, adult with a plan", Under(Zemgale, HomeCare(Adult, "2021-06-07", "2021-06-13", 20)), In(InBauska).WithPlans(HomeCarePlan), [] },

        // Zemgale: social rehabilitation needs the client's plan, for the child and its legal representatives.
        { "Zemgale rehabilitation, child without a plan", Under(Zemgale, Rehabilitation(Child, "2021-06-07", "2021-06-11", 3)), In(InBauska), [RehabilitationPlan] },
        { "Zemgale rehabilitation, child with a plan", Under(Zemgale, Rehabilitation(Child, "2021-06-07", "2021-06-11", 3)), In(InBauska).WithPlans(RehabilitationPlanFor2021), [] },
        { "Zemgale rehabilitation, legal representative", For(RecipientKind.LegalRepresentative, Under(Zemgale, Rehabilitation(Child, "2021-06-07", "2021-06-11", 3))), In(InBauska).WithPlans(RehabilitationPlanFor2021), [] },
        { "Zemgale rehabilitation, foster family", For(RecipientKind.FosterFamily, Under(Zemgale, Rehabilitation(Child, "2021-06-07", "2021-06-11", 3))), In(InBauska).WithPlans(RehabilitationPlanFor2021), [ServiceRecordReasons.RecipientNotPermitted] },
        { "Zemgale home care, legal representative", For(RecipientKind.LegalRepresentative, Under(Zemgale, HomeCare(Child, "2021-06-07", "2021-06-13", 5))), In(InBauska), [ServiceRecordReasons.RecipientNotPermitted] },
        { "Zemgale day care, not offered", Under(Zemgale, DayCare("2021-06-07", "2021-06-11")), In(InBauska), [ServiceRecordReasons.ServiceNotInProject] },

        // Zemgale: delivered in the region's municipalities, former ones included.
        { "Zemgale, provider in Jelgavas novads", Under(Zemgale, Respite(Child, "2018-03-05", "2018-03-06", 2)), In(InJelgavaNovads), [] },
        { "Zemgale, provider in Rīga", Under(Zemgale, Respite(Child, "2018-03-05", "2018-03-06", 2)), In(InRiga), [ServiceRecordReasons.DeliveredOutsideProjectPartners] },

        // The pilot: respite for adults too, 2019-08-01 – 2020-11-30, in its partner municipalities.
        { "Pilot respite, adult", Under(Pilot, Respite(Adult, "2020-03-02", "2020-03-03", 2)), In(InBalvi), [] },
        { "Pilot respite, child's 30th day of the year", Under(Pilot, Respite(Child, "2020-06-01", "2020-06-05", 5)), In(InBalvi, RespiteDays(25)), [] },
        { "Pilot respite, child's 31st day of the year", Under(Pilot, Respite(Child, "2020-06-01", "2020-06-06", 6)), In(InBalvi, RespiteDays(25)), [DaysPerYear] },
        { "Pilot, first day", Under(Pilot, Respite(Adult, "2019-08-01", "2019-08-01", 1)), In(InBalvi), [] },
        { "Pilot, the day before", Under(Pilot, Respite(Adult, "2019-07-31", "2019-07-31", 1)), In(InBalvi), [ServiceRecordReasons.EsfOutsideProjectPeriod] },
        { "Pilot, last day", Under(Pilot, Respite(Adult, "2020-11-30", "2020-11-30", 1)), In(InBalvi), [] },
        { "Pilot, the day after", Under(Pilot, Respite(Adult, "2020-12-01", "2020-12-01", 1)), In(InBalvi), [ServiceRecordReasons.EsfOutsideProjectPeriod] },
        { "Pilot home care, adult without a plan", Under(Pilot, HomeCare(Adult, "2020-06-01", "2020-06-07", 20)), In(InBalvi), [AdultHomeCarePlan] },
        { "Pilot home care, adult with a plan", Under(Pilot, HomeCare(Adult, "2020-06-01", "2020-06-07", 20)), In(InBalvi).WithPlans(Plan("2020-01-01", "2020-12-31", ServiceType.HomeCare)), [] },
        { "Pilot rehabilitation, adult without a plan", Under(Pilot, Rehabilitation(Adult, "2020-06-01", "2020-06-05", 2)), In(InBalvi), [RehabilitationPlan] },
        { "Pilot rehabilitation, legal representative", For(RecipientKind.LegalRepresentative, Under(Pilot, Rehabilitation(Adult, "2020-06-01", "2020-06-05", 2))), In(InBalvi).WithPlans(Plan("2020-01-01", "2020-12-31", ServiceType.SocialRehabilitation)), [] },
        { "Pilot, provider in former Bauska", Under(Pilot, Respite(Adult, "2020-03-02", "2020-03-03", 2)), In(InBauska), [] },
        { "Pilot, provider in Jelgavas novads", Under(Pilot, Respite(Adult, "2020-03-02", "2020-03-03", 2)), In(InJelgavaNovads), [ServiceRecordReasons.DeliveredOutsideProjectPartners] },

        // No project: the general rules (respite for children only, a plan for adults' rehabilitation only, the client alone).
        { "No project respite, adult", Respite(Adult, "2024-03-04", "2024-03-05", 2), In(InRiga), [ChildrenOnly] },
        { "No project rehabilitation, child without a plan", Rehabilitation(Child, "2024-03-04", "2024-03-08", 3), In(InRiga), [] },
        { "No project rehabilitation, adult without a plan", Rehabilitation(Adult, "2024-03-04", "2024-03-08", 3), In(InRiga), ["SOCIAL_REHABILITATION_ADULT_SUPPORT_PLAN"] },
        { "No project rehabilitation, legal representative", For(RecipientKind.LegalRepresentative, Rehabilitation(Child, "2024-03-04", "2024-03-08", 3)), In(InRiga), [ServiceRecordReasons.RecipientNotPermitted] },
        { "No project, unknown recipient kind", For((RecipientKind)9, Rehabilitation(Child, "2024-03-04", "2024-03-08", 3)), In(InRiga), [ServiceRecordReasons.RecipientKindUnknown] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_ShippedProjectRules_BothSidesOfEachLimit(string name, ServiceRecordCandidate record, ProgrammeFacts facts, string[] expected)
    {
        // Act
        var violations = Rules.Check(record, facts);

        // Assert
        Assert.True(
            expected.Order(StringComparer.Ordinal).SequenceEqual(violations.Select(v => v.Code).Order(StringComparer.Ordinal)),
            $"{name}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", violations.Select(v => v.Code))}]");
    }

    [Theory]
    [InlineData("2021-06-28", "2021-06-30", true)] // the old county's last days
    [InlineData("2021-07-01", "2021-07-04", true)] // the new municipality's first days
    [InlineData("2021-06-28", "2021-07-04", true)] // across the reform: each day has its partner
    [InlineData("2021-12-30", "2022-01-02", false)] // the new municipality left the project at the turn of 2022
    public void Check_PartnersWithDates_EveryDayMustHaveAPartner(string firstDay, string lastDay, bool accepted)
    {
        // Arrange: a project whose partner was Vecumnieki until the reform, then Bauska until 2022.
        var project = new Project(
            "esf-test", null, null, "pr-zemgale", Period("2015-01-01", "2023-12-31"), [FundingSource.EsfProject], new FundingShares(8_500, 1_500, 0),
            [new ProjectPartner("mun-pre2021-vecumnieki", null, Day("2021-07-01")), new ProjectPartner("mun-bauska", Day("2021-07-01"), Day("2022-01-01"))],
            null);
        var rules = new ProgrammeRules(Catalogue, [.. Projects, project]);
        var record = DayCare(firstDay, lastDay) with { FundingSource = FundingSource.EsfProject, ProjectCode = project.Code };

        // Act
        var violations = rules.Check(record, In(InBauska));

        // Assert
        Assert.Equal(accepted, violations.Count == 0);
        Assert.All(violations, v => Assert.Equal(ServiceRecordReasons.DeliveredOutsideProjectPartners, v.Code));
    }

    private static readonly SupportPlanFacts HomeCarePlan = Plan("2021-01-01", "2021-12-31", ServiceType.HomeCare);

    private static readonly SupportPlanFacts RehabilitationPlanFor2021 = Plan("2021-01-01", "2021-12-31", ServiceType.SocialRehabilitation);

    private static ServiceRecordCandidate Under(string project, ServiceRecordCandidate record) =>
        record with { FundingSource = FundingSource.EsfProject, ProjectCode = project };

    private static ServiceRecordCandidate For(RecipientKind recipient, ServiceRecordCandidate record) => record with { RecipientKind = recipient };

    private static ProgrammeFacts In(string[] territory, params RecordedQuantity[] earlier) =>
        Facts(earlier) with { Provider = OfferingProvider(null, territory) };

    private static RecordedQuantity RespiteDays(int days) => Earlier(ServiceType.RespiteCare, "2020-03-02", "2020-03-31", days);
}
