using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>
/// Records are judged by the rules of the project they name: an adult in today's Bauska (formerly
/// Bauskas novads, a partner of the individual-budget pilot, and in the Zemgale region) served by a
/// provider there, with a support plan for 2020 planning home care and social rehabilitation.
/// </summary>
public sealed class ProjectRecordTests : IAsyncLifetime
{
    private const string Provider = "prov-demo-bauska-care";
    private const string Pilot = "projects/ib-pilot";
    private const string Zemgale = "projects/esf-zemgale";

    private GatewayProcess _gateway = null!;
    private string _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _client = (await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", TransferRequests.Valid(
            source: "vsac-zemgale", destination: "mun-bauska", provider: Provider, service: ServiceType.RespiteCare))).Client;
        await new SupportPlanService.SupportPlanServiceClient(_gateway.ChannelFor("mun-bauska")).PutSupportPlanAsync(new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = $"{_client}/supportPlans/IAP-2020",
                AssessmentDate = TransferRequests.Date(new DateOnly(2019, 12, 2)),
                Validity = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2020, 1, 1)), EndDate = TransferRequests.Date(new DateOnly(2021, 1, 1)) },
                PlannedServices =
                {
                    new PlannedService { ServiceType = ServiceType.HomeCare, Provider = "institutions/" + Provider, Volume = 10, Period = VolumePeriod.Week },
                    new PlannedService { ServiceType = ServiceType.SocialRehabilitation, Provider = "institutions/" + Provider, Volume = 2, Period = VolumePeriod.Week },
                },
            },
        });
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Record_UnderEachProjectsRules_AcceptedOrRejectedWithTheReason()
    {
        var adultRespiteUnderPilot = Record(ServiceType.RespiteCare, new DateOnly(2020, 3, 2), 1, ServiceUnit.Days, Pilot);
        var adultRespiteUnderZemgale = Record(ServiceType.RespiteCare, new DateOnly(2020, 3, 9), 1, ServiceUnit.Days, Zemgale);
        var representativeRehabilitationUnderPilot = Record(ServiceType.SocialRehabilitation, new DateOnly(2020, 3, 2), 2, ServiceUnit.Sessions, Pilot);
        representativeRehabilitationUnderPilot.RecipientKind = RecipientKind.LegalRepresentative;
        var representativeHomeCareUnderPilot = Record(ServiceType.HomeCare, new DateOnly(2020, 3, 2), 5, ServiceUnit.Hours, Pilot, days: 7);
        representativeHomeCareUnderPilot.RecipientKind = RecipientKind.LegalRepresentative;
        var representativeRehabilitationUnderNoProject = Record(ServiceType.SocialRehabilitation, new DateOnly(2020, 3, 2), 2, ServiceUnit.Sessions, string.Empty);
        representativeRehabilitationUnderNoProject.FundingSource = FundingSource.MunicipalBudget;
        representativeRehabilitationUnderNoProject.RecipientKind = RecipientKind.LegalRepresentative;
        var outsideRigaPartners = Record(ServiceType.SocialRehabilitation, new DateOnly(2020, 3, 2), 2, ServiceUnit.Sessions, "projects/esf-riga");
        var municipalUnderZemgale = Record(ServiceType.SocialRehabilitation, new DateOnly(2020, 3, 2), 2, ServiceUnit.Sessions, Zemgale);
        municipalUnderZemgale.FundingSource = FundingSource.MunicipalBudget;
        var esfWithoutProject = Record(ServiceType.SocialRehabilitation, new DateOnly(2020, 3, 2), 2, ServiceUnit.Sessions, string.Empty);
        var malformedProject = Record(ServiceType.SocialRehabilitation, new DateOnly(2020, 3, 2), 2, ServiceUnit.Sessions, "esf-zemgale");

        var response = await RecordAsync(_gateway, Provider,
            adultRespiteUnderPilot, adultRespiteUnderZemgale, representativeRehabilitationUnderPilot, representativeHomeCareUnderPilot,
            representativeRehabilitationUnderNoProject, outsideRigaPartners, municipalUnderZemgale, esfWithoutProject, malformedProject);

        Assert.Equal(2, response.Accepted);
        Assert.Equal(
            [
                (adultRespiteUnderZemgale.RequestId, "RESPITE_CARE_CHILDREN_ONLY"),
                (representativeHomeCareUnderPilot.RequestId, "RECIPIENT_NOT_PERMITTED"),
                (representativeRehabilitationUnderNoProject.RequestId, "RECIPIENT_NOT_PERMITTED"),
                (outsideRigaPartners.RequestId, "DELIVERED_OUTSIDE_PROJECT_PARTNERS"),
                (municipalUnderZemgale.RequestId, "FUNDING_SOURCE_NOT_IN_PROJECT"),
                (esfWithoutProject.RequestId, "ESF_PROJECT_CODE_MISSING"),
                (malformedProject.RequestId, "PROJECT_UNKNOWN"),
            ],
            response.Rejections.Select(r => (r.RequestId, Assert.Single(r.Reasons).Code)));
        // The funding report's test records the same client in June.
        var listed = (await Records().ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _client })).ServiceRecords.Where(r => r.FirstDay.Month == 3);
        Assert.Equal(
            [(ServiceType.RespiteCare, Pilot, RecipientKind.Client), (ServiceType.SocialRehabilitation, Pilot, RecipientKind.LegalRepresentative)],
            listed.Select(r => (r.ServiceType, r.Project, r.RecipientKind)).Order());
    }

    [Fact]
    public async Task GetFundingReport_OfThePilot_SplitsItsRecords85To15WithoutMunicipalCoFinancing()
    {
        long[] costs = [4_501, 9_007, 13_333];
        var sent = costs.Select((cost, i) =>
        {
            var record = Record(ServiceType.RespiteCare, new DateOnly(2020, 6, 1).AddDays(7 * i), 1, ServiceUnit.Days, Pilot);
            record.Cost = new Money { EuroCents = cost };
            return record;
        }).ToArray();
        Assert.Equal(3, (await RecordAsync(_gateway, Provider, sent)).Accepted);

        var report = await Records().GetFundingReportAsync(new GetFundingReportRequest
        {
            Period = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2020, 6, 1)), EndDate = TransferRequests.Date(new DateOnly(2020, 7, 1)) },
            Project = Pilot,
        });

        var total = costs.Sum();
        var line = Assert.Single(report.Lines);
        Assert.Equal((Pilot, 3L, total), (line.Project, line.Records, line.Total.EuroCents));
        Assert.Equal((total * 85 / 100, total - (total * 85 / 100), 0L), (report.Esf.EuroCents, report.StateBudgetCoFinancing.EuroCents, report.MunicipalCoFinancing.EuroCents));
    }

    [Fact]
    public async Task GetFundingReport_OfAnUnknownProject_IsInvalidArgumentNamingTheField() =>
        await RpcAssert.InvalidField("project", () => Records().GetFundingReportAsync(new GetFundingReportRequest
        {
            Period = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2020, 1, 1)), EndDate = TransferRequests.Date(new DateOnly(2021, 1, 1)) },
            Project = "projects/esf-latvija",
        }).ResponseAsync);

    private RecordServiceRequest Record(ServiceType service, DateOnly firstDay, long quantity, ServiceUnit unit, string project, int days = 1) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Client = _client,
        ServiceType = service,
        Provider = "institutions/" + Provider,
        FirstDay = TransferRequests.Date(firstDay),
        LastDay = TransferRequests.Date(firstDay.AddDays(days - 1)),
        Quantity = quantity,
        Unit = unit,
        Cost = new Money { EuroCents = 4_500 },
        FundingSource = FundingSource.EsfProject,
        Project = project,
    };

    private ServiceRecordService.ServiceRecordServiceClient Records() => new(_gateway.ChannelFor("lm"));
}
