using DeinstGateway.Server.Tests.Access;
using DeinstGateway.Server.Tests.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Assessments;

/// <summary>
/// Needs assessments through the gateway: mun-jelgava is responsible for a client it registered;
/// it and its planning region (pr-zemgale) record assessments, and they and the ministry read them.
/// </summary>
public sealed class NeedsAssessmentTests : IAsyncLifetime
{
    private const string Municipality = "mun-jelgava";
    private const string Region = "pr-zemgale";

    private GatewayProcess _gateway = null!;
    private string _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _client = (await _gateway.Clients(Municipality).RegisterClientAsync(ClientRequests.Registration())).Name;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task CreateNeedsAssessment_ByTheResponsibleMunicipality_IsReadByItItsRegionAndTheMinistry()
    {
        var request = AssessmentProbes.NewAssessment(_client);

        var created = await Assessments(Municipality).CreateNeedsAssessmentAsync(request);

        Assert.Equal(
            (request.NeedsAssessment.AssessmentDate, request.NeedsAssessment.Outcome, "institutions/" + Municipality, "institutions/" + Municipality),
            (created.AssessmentDate, created.Outcome, created.ResponsibleMunicipality.Name, created.RecordedBy.Name));
        Assert.Equal([ServiceType.DayCareCentreAdults], created.PlannedServiceTypes);
        foreach (var reader in new[] { Municipality, Region, "lm" })
        {
            Assert.Equal(created, await Assessments(reader).GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { Name = created.Name }));
        }

        var log = await AccessLogAsync();
        Assert.Equal(
            [("institutions/lm", AccessOutcome.Read), ("institutions/" + Region, AccessOutcome.Read), ("institutions/" + Municipality, AccessOutcome.Read),
             ("institutions/" + Municipality, AccessOutcome.Written)],
            log.Where(a => a.Method.Contains("NeedsAssessment", StringComparison.Ordinal)).Select(a => (a.Institution, a.Outcome)));
    }

    [Fact]
    public async Task CreateNeedsAssessment_ByThePlanningRegion_CountsUnderTheResponsibleMunicipality()
    {
        var created = await Assessments(Region).CreateNeedsAssessmentAsync(AssessmentProbes.NewAssessment(_client));

        Assert.Equal(("institutions/" + Municipality, "institutions/" + Region), (created.ResponsibleMunicipality.Name, created.RecordedBy.Name));
    }

    [Theory]
    [InlineData("mun-riga")]
    [InlineData("pr-kurzeme")]
    public async Task CreateNeedsAssessment_ByAnInstitutionNotResponsible_IsPermissionDeniedAndLoggedAsRefused(string caller)
    {
        var status = await RpcAssert.FailsWith(
            StatusCode.PermissionDenied, () => Assessments(caller).CreateNeedsAssessmentAsync(AssessmentProbes.NewAssessment(_client)).ResponseAsync);

        Assert.Equal("NOT_RESPONSIBLE_FOR_CLIENT", status?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Contains(await AccessLogAsync(), a => a.Institution == "institutions/" + caller && a.Outcome == AccessOutcome.Refused);
        Assert.Empty((await Assessments(Municipality).ListNeedsAssessmentsAsync(new ListNeedsAssessmentsRequest { Parent = _client })).NeedsAssessments);
    }

    [Theory]
    [InlineData("mun-riga", StatusCode.NotFound)]
    [InlineData("pr-kurzeme", StatusCode.NotFound)]
    [InlineData("prov-demo-jelgava-workshop", StatusCode.PermissionDenied)]
    [InlineData("vsac-zemgale", StatusCode.PermissionDenied)]
    public async Task GetNeedsAssessment_OutsideTheClientsScope_IsRefused(string caller, StatusCode expected)
    {
        var created = await Assessments(Municipality).CreateNeedsAssessmentAsync(AssessmentProbes.NewAssessment(_client));

        await RpcAssert.FailsWith(expected, () => Assessments(caller).GetNeedsAssessmentAsync(new GetNeedsAssessmentRequest { Name = created.Name }).ResponseAsync);
        await RpcAssert.FailsWith(expected, () => Assessments(caller).ListNeedsAssessmentsAsync(new ListNeedsAssessmentsRequest { Parent = _client }).ResponseAsync);
    }

    [Fact]
    public async Task CreateNeedsAssessment_ResentWithTheSameRequestId_AnswersTheFirstAssessmentAndStoresOne()
    {
        var request = AssessmentProbes.NewAssessment(_client);
        var first = await Assessments(Municipality).CreateNeedsAssessmentAsync(request);

        var again = await Assessments(Municipality).CreateNeedsAssessmentAsync(request);
        var changed = request.Clone();
        changed.NeedsAssessment.Outcome = AssessmentOutcome.Declined;
        changed.NeedsAssessment.PlannedServiceTypes.Clear();
        var status = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Assessments(Municipality).CreateNeedsAssessmentAsync(changed).ResponseAsync);

        Assert.Equal(first, again);
        Assert.Equal("REQUEST_ID_REUSED", status?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Single((await Assessments(Municipality).ListNeedsAssessmentsAsync(new ListNeedsAssessmentsRequest { Parent = _client })).NeedsAssessments);
    }

    [Fact]
    public async Task CreateNeedsAssessment_WithWrongFields_NamesEachOne()
    {
        var request = AssessmentProbes.NewAssessment(_client);
        request.RequestId = "not-a-uuid";
        request.NeedsAssessment.AssessmentDate = TransferRequests.Date(TestCalendar.Today.AddDays(1));
        request.NeedsAssessment.Assessor = "institutions/vsac-zemgale";
        request.NeedsAssessment.Project = "x'; DROP TABLE needs_assessments;--";
        request.NeedsAssessment.Outcome = AssessmentOutcome.Declined;

        var status = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Assessments(Municipality).CreateNeedsAssessmentAsync(request).ResponseAsync);

        Assert.Equal(
            ["request_id", "needs_assessment.assessment_date", "needs_assessment.assessor", "needs_assessment.project", "needs_assessment.planned_service_types"],
            status!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task ListNeedsAssessments_InPages_ReturnsEachOnceByDate()
    {
        var dates = new[] { 3, 1, 2 }.Select(d => TestCalendar.Today.AddDays(-d)).ToList();
        foreach (var date in dates)
        {
            var request = AssessmentProbes.NewAssessment(_client);
            request.NeedsAssessment.AssessmentDate = TransferRequests.Date(date);
            await Assessments(Municipality).CreateNeedsAssessmentAsync(request);
        }

        var first = await Assessments(Region).ListNeedsAssessmentsAsync(new ListNeedsAssessmentsRequest { Parent = _client, PageSize = 2 });
        var second = await Assessments(Region).ListNeedsAssessmentsAsync(
            new ListNeedsAssessmentsRequest { Parent = _client, PageSize = 2, PageToken = first.NextPageToken });

        Assert.Equal(
            dates.Order().Select(TransferRequests.Date),
            first.NeedsAssessments.Concat(second.NeedsAssessments).Select(a => a.AssessmentDate));
        Assert.Empty(second.NextPageToken);
    }

    private async Task<IReadOnlyList<ClientAccess>> AccessLogAsync() =>
        (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm")).ListClientAccessAsync(new ListClientAccessRequest { Parent = _client })).Accesses;

    private NeedsAssessmentService.NeedsAssessmentServiceClient Assessments(string caller) => new(_gateway.ChannelFor(caller));
}
