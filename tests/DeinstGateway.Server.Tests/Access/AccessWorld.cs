using System.Collections.Concurrent;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using DeinstGateway.Server.Tests.ServiceRecords;
using Deinst.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// One gateway with a small world for the access-matrix tests. A branch of vsac-zemgale and the
/// child-care institution each send a transfer into mun-jelgava (region pr-zemgale); the branch's
/// one is completed at prov-demo-jelgava-workshop, a provider in mun-jelgava, which makes it the
/// client's current provider; mun-jelgava wrote the client's support plan; the provider recorded
/// a service and declared its places; mun-jelgava registered a person living in the community and
/// recorded the client's needs assessment; the branch declared its occupancy.
/// For every kind of institution the world names the one that
/// reaches these records and, where the reference data has one, one of the same kind that does not.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public const string Municipality = "mun-jelgava";
    public const string Region = "pr-zemgale";
    public const string CareCentre = "vsac-zemgale";
    public const string Branch = "vsac-zemgale-jelgava";
    public const string ChildCare = "ccare-demo-latgale";
    public const string Provider = "prov-demo-jelgava-workshop";

    /// <summary>The day the world's service records were delivered on.</summary>
    public static readonly DateOnly ServiceDay = new(2025, 3, 3);

    private readonly ConcurrentDictionary<string, GrpcChannel> _bareChannels = new();
    private GatewayProcess? _gateway;

    // Every record made by NewRecordedServiceAsync costs a cent more than the one before, which finds it again.
    private long _lastRecordedCost = 2_500;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The world has not been built.");

    /// <summary>The branch's transfer, completed at <see cref="Provider"/>.</summary>
    public Transfer FromBranch { get; private set; } = null!;

    /// <summary>The child-care institution's transfer, still submitted.</summary>
    public Transfer FromChildCare { get; private set; } = null!;

    /// <summary>The client of <see cref="FromBranch"/>, <c>clients/{id}</c>.</summary>
    public string Client => FromBranch.Client;

    /// <summary>A person living in the community whom mun-jelgava registered, and the request it did it with.</summary>
    public RegisterClientRequest Registration { get; private set; } = null!;

    /// <summary>The client <see cref="Registration"/> made, <c>clients/{id}</c>.</summary>
    public string RegisteredClient { get; private set; } = null!;

    /// <summary>The new-format code the registered client receives, replacing its old-format one.</summary>
    public string RegisteredClientsNewCode { get; } = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The support plan mun-jelgava wrote for <see cref="Client"/>.</summary>
    public string SupportPlan { get; private set; } = null!;

    /// <summary>The needs assessment mun-jelgava recorded for <see cref="Client"/>.</summary>
    public string NeedsAssessment { get; private set; } = null!;

    /// <summary>The institution of the kind whose scope holds the world's records.</summary>
    public static string Representative(InstitutionKind kind) => kind switch
    {
        InstitutionKind.Ministry => "lm",
        InstitutionKind.PlanningRegion => Region,
        InstitutionKind.Municipality => Municipality,
        InstitutionKind.StateCareCentre => CareCentre,
        InstitutionKind.CareCentreBranch => Branch,
        InstitutionKind.ChildCareInstitution => ChildCare,
        InstitutionKind.ServiceProvider => Provider,
        InstitutionKind.Agency => "siva",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// An institution of the same kind whose scope holds none of the world's records; null where the
    /// reference data has no second one (the ministry, the agency, the one child-care institution).
    /// A sister branch, not another centre's, so that a branch's own records exclude its sisters'.
    /// </summary>
    public static string? Outsider(InstitutionKind kind) => kind switch
    {
        InstitutionKind.PlanningRegion => "pr-kurzeme",
        InstitutionKind.Municipality => "mun-riga",
        InstitutionKind.StateCareCentre => "vsac-latgale",
        InstitutionKind.CareCentreBranch => "vsac-zemgale-iecava",
        InstitutionKind.ServiceProvider => "prov-cimdins",
        _ => null,
    };

    /// <summary>The child-care institution reaches its own transfer; every other kind the branch's.</summary>
    public Transfer TransferFor(InstitutionKind kind) => kind == InstitutionKind.ChildCareInstitution ? FromChildCare : FromBranch;

    public static string SourceFor(InstitutionKind kind) => kind == InstitutionKind.ChildCareInstitution ? ChildCare : Branch;

    /// <summary>Calls as the institution, declaring the first purpose its row allows.</summary>
    public CallInvoker As(string institution) => Gateway.ChannelFor(institution);

    /// <summary>Calls as the institution declaring exactly this purpose, or none.</summary>
    public CallInvoker Declaring(string institution, string? purpose)
    {
        var channel = _bareChannels.GetOrAdd(institution, code => Gateway.ChannelWith(TestPki.Instance.ClientCertificate(code)));
        return channel.Intercept(headers =>
        {
            if (purpose is not null)
            {
                headers.Add(AccessControlInterceptor.PurposeHeader, purpose);
            }

            return headers;
        });
    }

    /// <summary>
    /// A new submitted transfer from the kind's source into mun-jelgava, for a write to act on. It
    /// names no provider, so accepting it reserves no place and the provider's places stay free.
    /// </summary>
    public Task<Transfer> NewTransferAsync(InstitutionKind kind) =>
        TransferClient.CreateAsync(Gateway, SourceFor(kind), TransferRequests.Valid(source: SourceFor(kind), destination: Municipality));

    /// <summary>A new transfer that mun-jelgava has accepted, for completing.</summary>
    public async Task<Transfer> NewAcceptedTransferAsync(InstitutionKind kind)
    {
        var transfer = await NewTransferAsync(kind);
        return await Transfers(Municipality).AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });
    }

    /// <summary>One service at the provider for the world's client, on <see cref="ServiceDay"/>, under a new request id.</summary>
    public RecordServiceRequest NewServiceRecord() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Client = Client,
        ServiceType = ServiceType.DayCareCentreAdults,
        Provider = "institutions/" + Provider,
        FirstDay = TransferRequests.Date(ServiceDay),
        LastDay = TransferRequests.Date(ServiceDay),
        Quantity = 1,
        Unit = ServiceUnit.Places,
        Cost = new Money { EuroCents = 2_500 },
        FundingSource = FundingSource.MunicipalBudget,
    };

    /// <summary>A new service at the provider for the world's client, recorded by the institution, as the ministry lists it.</summary>
    public async Task<ServiceRecord> NewRecordedServiceAsync(string recorder)
    {
        var request = NewServiceRecord();
        request.Cost = new Money { EuroCents = Interlocked.Increment(ref _lastRecordedCost) };
        Assert.Equal(1, (await ServiceRecordRequests.RecordAsync(Gateway, recorder, request)).Accepted);
        var page = await new ServiceRecordService.ServiceRecordServiceClient(As("lm"))
            .ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = Client, PageSize = 1000 });
        return page.ServiceRecords.Single(r => r.Cost.EuroCents == request.Cost.EuroCents);
    }

    public async Task InitializeAsync()
    {
        // Heartbeats every second end a feed probe soon after the backlog is read.
        _gateway = await GatewayProcess.StartAsync(null, "Feeds:HeartbeatSeconds=1");
        FromBranch = await CompletedAtProviderAsync();
        FromChildCare = await NewTransferAsync(InstitutionKind.ChildCareInstitution);
        SupportPlan = (await new SupportPlanService.SupportPlanServiceClient(As(Municipality)).PutSupportPlanAsync(new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = Client + "/supportPlans/IAP-ACCESS",
                AssessmentDate = TransferRequests.Date(TestCalendar.Today),
                Validity = new DateRange { StartDate = TransferRequests.Date(TestCalendar.Today) },
                PlannedServices = { new PlannedService { ServiceType = ServiceType.DayCareCentreAdults, Provider = "institutions/" + Provider, Volume = 5, Period = VolumePeriod.Week } },
            },
        })).Name;
        await NewRecordedServiceAsync(Provider);
        Registration = new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Person = TransferRequests.Valid().Transfer.Person,
            TargetGroup = TargetGroup.AdultWithIntellectualOrMentalDisability,
            ResponsibleFrom = TransferRequests.Date(TestCalendar.Today),
        };
        RegisteredClient = (await new ClientService.ClientServiceClient(As(Municipality)).RegisterClientAsync(Registration)).Name;
        await new CapacityService.CapacityServiceClient(As(Provider)).SetCapacityAsync(WorkshopPlaces());
        await new CapacityService.CapacityServiceClient(As(Branch)).SetOccupancyAsync(Occupancy(Branch));
        NeedsAssessment = (await new NeedsAssessmentService.NeedsAssessmentServiceClient(As(Municipality))
            .CreateNeedsAssessmentAsync(AssessmentProbes.NewAssessment(Client))).Name;
    }

    /// <summary>A care institution's places and residents from tomorrow, the same every time.</summary>
    public static SetOccupancyRequest Occupancy(string institution) => new()
    {
        Institution = "institutions/" + institution,
        Places = 120,
        Residents = 100,
        EffectiveFrom = TransferRequests.Date(TestCalendar.Today.AddDays(1)),
    };

    /// <summary>The provider's workshop places from tomorrow, as many as the reference data declares.</summary>
    public static SetCapacityRequest WorkshopPlaces() => new()
    {
        Provider = "institutions/" + Provider,
        ServiceType = ServiceType.SpecialisedWorkshop,
        Places = 15,
        EffectiveFrom = TransferRequests.Date(TestCalendar.Today.AddDays(1)),
    };

    public async Task DisposeAsync()
    {
        foreach (var channel in _bareChannels.Values)
        {
            channel.Dispose();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    private async Task<Transfer> CompletedAtProviderAsync()
    {
        var submitted = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid(source: Branch, destination: Municipality, provider: Provider));
        var accepted = await Transfers(Municipality).AcceptTransferAsync(new AcceptTransferRequest { Name = submitted.Name, Etag = submitted.Etag });
        return await Transfers(Municipality).CompleteTransferAsync(new CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag });
    }

    private TransferService.TransferServiceClient Transfers(string caller) => new(As(caller));
}
