using System.Globalization;
using Deinst.V1;
using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Grpc.Net.Client;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// One gateway for a hostile test class, seeded with what hostile inputs aim at: a transfer
/// from vsac-zemgale to mun-madona, its client, a support plan and a service record. The corpus
/// names them by placeholder (<c>{{seed.client}}</c> …).
/// </summary>
public sealed class HostileFixture : IAsyncLifetime
{
    public const string Provider = "prov-demo-madona-group-home";
    private GatewayProcess? _gateway;
    private GrpcChannel? _anonymous;

    public GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("The gateway has not started.");

    public RawGrpcClient Raw { get; private set; } = null!;

    public CaseSender Sender { get; private set; } = null!;

    /// <summary>What the fixture created, by placeholder name without braces, e.g. <c>seed.client</c>.</summary>
    public IReadOnlyDictionary<string, string> Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _anonymous = _gateway.ChannelWith(null);
        Raw = new RawGrpcClient(_gateway.Address);

        var submitted = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: Provider, service: ServiceType.GroupHome);
        var transfer = await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", submitted, complete: false);
        var plan = await new SupportPlanService.SupportPlanServiceClient(_gateway.ChannelFor("mun-madona")).PutSupportPlanAsync(new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = transfer.Client + "/supportPlans/IAP-SEED",
                AssessmentDate = TransferRequests.Date(new DateOnly(2025, 1, 6)),
                Validity = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2025, 2, 1)) },
                PlannedServices = { new PlannedService { ServiceType = ServiceType.GroupHome, Provider = "institutions/" + Provider, Volume = 1, Period = VolumePeriod.Year } },
            },
        });
        var recordRequestId = Guid.NewGuid().ToString();
        await RecordAsync(GroupHomeWeek(recordRequestId, transfer.Client, new DateOnly(2025, 3, 3)));

        Seed = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["seed.client"] = transfer.Client,
            ["seed.transfer"] = transfer.Name,
            ["seed.etag"] = transfer.Etag,
            ["seed.requestId"] = submitted.RequestId,
            ["seed.caseNumber"] = submitted.Transfer.CaseNumber,
            ["seed.personalCode"] = submitted.Transfer.Person.PersonalCode,
            ["seed.birthYear"] = submitted.Transfer.Person.BirthDate.Year.ToString(CultureInfo.InvariantCulture),
            ["seed.birthMonth"] = submitted.Transfer.Person.BirthDate.Month.ToString(CultureInfo.InvariantCulture),
            ["seed.birthDay"] = submitted.Transfer.Person.BirthDate.Day.ToString(CultureInfo.InvariantCulture),
            ["seed.plan"] = plan.Name,
            ["seed.recordRequestId"] = recordRequestId,
        };
        Sender = new CaseSender(_gateway, Raw, new CorpusText(Seed));
    }

    /// <summary>Whether the gateway still answers the anonymous health check with SERVING.</summary>
    public async Task<ServingStatus> HealthAsync() =>
        (await new Grpc.Health.V1.Health.HealthClient(_anonymous).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10))).Status;

    public async Task DisposeAsync()
    {
        Raw?.Dispose();
        _anonymous?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }

    /// <summary>A valid record: one place at the group home for the week from <paramref name="monday"/>, paid by the municipality.</summary>
    public static RecordServiceRequest GroupHomeWeek(string requestId, string client, DateOnly monday) => new()
    {
        RequestId = requestId,
        Client = client,
        ServiceType = ServiceType.GroupHome,
        Provider = "institutions/" + Provider,
        FirstDay = TransferRequests.Date(monday),
        LastDay = TransferRequests.Date(monday.AddDays(6)),
        Quantity = 1,
        Unit = ServiceUnit.Places,
        Cost = new Money { EuroCents = 10_000 },
        FundingSource = FundingSource.MunicipalBudget,
    };

    private async Task RecordAsync(RecordServiceRequest record)
    {
        using var call = new ServiceRecordService.ServiceRecordServiceClient(Gateway.ChannelFor(Provider)).RecordServices();
        await call.RequestStream.WriteAsync(record);
        await call.RequestStream.CompleteAsync();
        Assert.Equal(1, (await call.ResponseAsync).Accepted);
    }
}
