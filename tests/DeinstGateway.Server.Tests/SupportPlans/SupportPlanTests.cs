using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.SupportPlans;

/// <summary>
/// Support plans: versioned writes by the responsible municipality (the one that accepted the
/// client's transfer), reads by it and by the providers serving the client.
/// </summary>
public sealed class SupportPlanTests : IAsyncLifetime
{
    private const string Provider = "prov-demo-madona-group-home";
    private GatewayProcess _gateway = null!;
    private Transfer _transfer = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _transfer = await TransferClient.HandOverAsync(_gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: Provider, service: ServiceType.GroupHome), complete: false);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Put_ByTheResponsibleMunicipality_CreatesVersionOneAndReadsBack()
    {
        var created = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan("IAP-1") });
        var read = await Plans("mun-madona").GetSupportPlanAsync(new GetSupportPlanRequest { Name = created.Name });

        Assert.Equal($"{_transfer.Client}/supportPlans/IAP-1", created.Name);
        Assert.Equal("institutions/mun-madona", read.ResponsibleMunicipality.Name);
        Assert.Equal(created.Etag, read.Etag);
        var planned = Assert.Single(read.PlannedServices);
        Assert.Equal((ServiceType.GroupHome, "institutions/" + Provider, 7, VolumePeriod.Week), (planned.ServiceType, planned.Provider, planned.Volume, planned.Period));
    }

    [Fact]
    public async Task Put_AgainWithoutEtag_IsAlreadyExists_WithAStaleEtag_IsAborted_WithTheCurrentEtag_IsTheNextVersion()
    {
        var first = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan("IAP-2") });
        var change = Plan("IAP-2");
        change.PlannedServices[0].Volume = 5;

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = change }).ResponseAsync);
        change.Etag = first.Etag;
        var second = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = change });
        await RpcAssert.FailsWith(StatusCode.Aborted, () => Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = change }).ResponseAsync);

        Assert.NotEqual(first.Etag, second.Etag);
        Assert.Equal(5, second.PlannedServices[0].Volume);
    }

    [Theory]
    [InlineData("mun-riga")]
    [InlineData("vsac-zemgale")]
    [InlineData(Provider)]
    [InlineData("lm")]
    public async Task Put_ByAnyoneButTheResponsibleMunicipality_IsPermissionDenied(string caller) =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Plans(caller).PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan("IAP-3") }).ResponseAsync);

    [Fact]
    public async Task Get_ByTheProviderOfTheTransfer_OnlyOnceTheTransferIsCompleted()
    {
        var unnamed = Plan("IAP-4");
        unnamed.PlannedServices[0].Provider = string.Empty;
        var plan = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = unnamed });
        var request = new GetSupportPlanRequest { Name = plan.Name };

        await RpcAssert.FailsWith(StatusCode.NotFound, () => Plans(Provider).GetSupportPlanAsync(request).ResponseAsync);
        await Transfers("mun-madona").CompleteTransferAsync(new CompleteTransferRequest { Name = _transfer.Name, Etag = _transfer.Etag });
        var read = await Plans(Provider).GetSupportPlanAsync(request);

        Assert.Equal(plan.Etag, read.Etag);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => Plans("prov-cimdins").GetSupportPlanAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Get_ByAProviderThePlanNames_IsAnsweredWhileThePlanIsValid()
    {
        var plan = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan("IAP-7") });

        var read = await Plans(Provider).GetSupportPlanAsync(new GetSupportPlanRequest { Name = plan.Name });

        Assert.Equal(plan.Etag, read.Etag);
    }

    [Fact]
    public async Task Put_ByTheDestinationOfASubmittedTransferOnly_IsPermissionDenied()
    {
        var submitted = await TransferClient.CreateAsync(_gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-riga", provider: Provider, service: ServiceType.GroupHome));
        var plan = Plan("IAP-8");
        plan.Name = $"{submitted.Client}/supportPlans/IAP-8";

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Plans("mun-riga").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = plan }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Plans("mun-riga").ListSupportPlansAsync(new ListSupportPlansRequest { Parent = submitted.Client }).ResponseAsync);
    }

    [Theory]
    [InlineData("mun-riga")]
    [InlineData("prov-cimdins")]
    public async Task Get_ByAnInstitutionWithoutAPartInTheClientsCare_IsNotFound(string caller)
    {
        var plan = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan("IAP-5") });

        await RpcAssert.FailsWith(StatusCode.NotFound, () => Plans(caller).GetSupportPlanAsync(new GetSupportPlanRequest { Name = plan.Name }).ResponseAsync);
    }

    [Theory]
    [InlineData("lm")]
    [InlineData("pr-vidzeme")]
    [InlineData("vsac-zemgale")]
    public async Task Get_ByAKindOfInstitutionThatReadsNoPlans_IsPermissionDenied(string caller)
    {
        var plan = await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan("IAP-6") });

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Plans(caller).GetSupportPlanAsync(new GetSupportPlanRequest { Name = plan.Name }).ResponseAsync);
    }

    [Fact]
    public async Task List_ByTheResponsibleMunicipality_PagesThroughThePlansInIdOrder()
    {
        foreach (var id in new[] { "L-3", "L-1", "L-2" })
        {
            await Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = Plan(id) });
        }

        var names = new List<string>();
        var request = new ListSupportPlansRequest { Parent = _transfer.Client, PageSize = 2 };
        do
        {
            var page = await Plans("mun-madona").ListSupportPlansAsync(request);
            names.AddRange(page.SupportPlans.Select(p => p.Name[(p.Name.LastIndexOf('/') + 1)..]));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(["L-1", "L-2", "L-3"], names.Where(n => n.StartsWith("L-", StringComparison.Ordinal)));
    }

    public static TheoryData<string, Action<SupportPlan>> InvalidPlans => new()
    {
        { "support_plan.assessment_date", p => p.AssessmentDate = TransferRequests.Date(TestCalendar.Today.AddDays(1)) },
        { "support_plan.validity.end_date", p => p.Validity.EndDate = p.Validity.StartDate },
        { "support_plan.planned_services", p => p.PlannedServices.Clear() },
        { "support_plan.planned_services[0].volume", p => p.PlannedServices[0].Volume = 0 },
        { "support_plan.planned_services[0].period", p => p.PlannedServices[0].Period = VolumePeriod.Unspecified },
        { "support_plan.planned_services[0].provider", p => p.PlannedServices[0].Provider = "institutions/mun-madona" },
        { "support_plan.name", p => p.Name = p.Name.Replace("IAP-6", "IAP 6", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(InvalidPlans))]
    public async Task Put_InvalidField_IsInvalidArgumentNamingIt(string field, Action<SupportPlan> spoil)
    {
        var plan = Plan("IAP-6");
        spoil(plan);

        await RpcAssert.InvalidField(field, () => Plans("mun-madona").PutSupportPlanAsync(new PutSupportPlanRequest { SupportPlan = plan }).ResponseAsync);
    }

    private SupportPlan Plan(string id) => new()
    {
        Name = $"{_transfer.Client}/supportPlans/{id}",
        AssessmentDate = TransferRequests.Date(TestCalendar.Today),
        Validity = new DateRange { StartDate = TransferRequests.Date(TestCalendar.Today), EndDate = TransferRequests.Date(TestCalendar.Today.AddYears(1)) },
        PlannedServices = { new PlannedService { ServiceType = ServiceType.GroupHome, Provider = "institutions/" + Provider, Volume = 7, Period = VolumePeriod.Week } },
    };

    private SupportPlanService.SupportPlanServiceClient Plans(string caller) => new(_gateway.ChannelFor(caller));

    private TransferService.TransferServiceClient Transfers(string caller) => new(_gateway.ChannelFor(caller));
}
