using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;

namespace DeinstGateway.Server.Tests.Limits;

/// <summary>Per-institution call rates, on a gateway of its own with a bucket small enough to empty in a test.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync(null, "Limits:CallsPerSecond=1", "Limits:Burst=3");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Call_OverTheInstitutionsBurst_IsResourceExhaustedWithRetryInfoAndReason()
    {
        var (served, refused) = await ExhaustAsync("mun-madona");

        Assert.True(served >= 3, $"{served} calls served before the refusal");
        var retryDelay = refused.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan();
        Assert.NotNull(retryDelay);
        Assert.InRange(retryDelay.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1.2));
        Assert.Equal(("RATE_LIMITED", "deinst.gateway"), (refused.GetDetail<ErrorInfo>()?.Reason, refused.GetDetail<ErrorInfo>()?.Domain));
    }

    [Fact]
    public async Task Call_ByAnotherInstitutionOrAnonymousHealthProbe_IsServedWhileOneIsOverItsRate()
    {
        await ExhaustAsync("mun-madona");
        var health = new Grpc.Health.V1.Health.HealthClient(_gateway.ChannelWith(null));

        var other = await Registry("mun-riga").ListServiceTypesAsync(new ListServiceTypesRequest());
        var probes = new List<HealthCheckResponse>();
        for (var i = 0; i < 10; i++)
        {
            probes.Add(await health.CheckAsync(new HealthCheckRequest()));
        }

        Assert.NotEmpty(other.ServiceTypes);
        Assert.All(probes, p => Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, p.Status));
    }

    [Fact]
    public async Task Call_RefusedByTheAccessMatrix_SpendsTheCallersRateBudget()
    {
        var audit = new AuditService.AuditServiceClient(_gateway.ChannelFor("prov-demo-madona-group-home"));
        var denied = 0;
        StatusCode? refusal = null;
        for (var call = 0; call < 10 && refusal is null; call++)
        {
            try
            {
                await audit.VerifyAuditLogAsync(new VerifyAuditLogRequest());
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                denied++;
            }
            catch (RpcException e)
            {
                refusal = e.StatusCode;
            }
        }

        Assert.Equal(StatusCode.ResourceExhausted, refusal);
        Assert.True(denied >= 3, $"{denied} calls denied before the rate limit");
    }

    [Fact]
    public async Task Call_AfterTheRetryDelay_IsServedAgain()
    {
        var (_, refused) = await ExhaustAsync("mun-madona");

        await Task.Delay(refused.GetDetail<RetryInfo>()!.RetryDelay.ToTimeSpan());
        var again = await Registry("mun-madona").ListServiceTypesAsync(new ListServiceTypesRequest());

        Assert.NotEmpty(again.ServiceTypes);
    }

    /// <summary>Calls until refused; returns how many calls were served first and the refusal.</summary>
    private async Task<(int Served, Google.Rpc.Status Refused)> ExhaustAsync(string institution)
    {
        var registry = Registry(institution);
        for (var served = 0; served < 10; served++)
        {
            try
            {
                await registry.ListServiceTypesAsync(new ListServiceTypesRequest());
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return (served, e.GetRpcStatus()!);
            }
        }

        throw new InvalidOperationException("Ten calls in a row were served: the rate limit did not apply.");
    }

    private RegistryService.RegistryServiceClient Registry(string institution) => new(_gateway.ChannelFor(institution));
}
