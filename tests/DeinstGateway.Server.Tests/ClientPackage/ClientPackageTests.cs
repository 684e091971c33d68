using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Client;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.ClientPackage;

/// <summary>The client package as an institution's system uses it: PEM files, the gateway's CA, the purpose, retries for reads only.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class ClientPackageTests(GatewayFixture fixture)
{
    private static readonly TestPki Pki = TestPki.Instance;

    [Fact]
    public async Task Sample_LooksUpAnInstitution_PrintsItsCodeKindAndName()
    {
        var output = new StringWriter();

        var exitCode = await LookupInstitution.Program.RunAsync(
            [fixture.Gateway.Address.ToString(), Pki.ClientCertificatePath("mun-madona"), Pki.ClientKeyPath("mun-madona"), Pki.CaCertificatePath, "prov-demo-madona-group-home"],
            output);

        Assert.Equal(0, exitCode);
        var registry = new RegistryService.RegistryServiceClient(fixture.Gateway.ChannelFor("lm"));
        var expected = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/prov-demo-madona-group-home" });
        Assert.Equal(
            ["prov-demo-madona-group-home", "ServiceProvider", expected.DisplayName],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task GatewayChannel_PurposeDeclared_ReadsPersonalData()
    {
        using var channel = GatewayChannel.Create(Connection("vsac-zemgale-jelgava", purpose: "transfer-handover"));
        var transfers = new TransferService.TransferServiceClient(channel);

        var page = await transfers.ListTransfersAsync(new ListTransfersRequest { PageSize = 1 });

        Assert.NotNull(page);
    }

    [Fact]
    public async Task GatewayChannel_NoPurpose_PermissionDeniedForPersonalData()
    {
        using var channel = GatewayChannel.Create(Connection("vsac-zemgale-jelgava", purpose: null));
        var transfers = new TransferService.TransferServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() => transfers.ListTransfersAsync(new ListTransfersRequest()).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task GatewayChannel_CaOtherThanTheGateways_RefusesTheServer()
    {
        var otherCa = Path.Combine(Pki.Folder, "other-ca-" + Guid.NewGuid().ToString("N") + ".crt");
        using (var key = ECDsa.Create())
        {
            var request = new CertificateRequest("CN=Some other CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(otherCa, ca.ExportCertificatePem());
        }

        using var channel = GatewayChannel.Create(Connection("mun-madona", purpose: null) with { CaPath = otherCa });
        var registry = new RegistryService.RegistryServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" }).ResponseAsync);

        // The client refuses before any call is made; gRPC reports a failed TLS handshake as INTERNAL.
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("certificate chain", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDeinstGatewayClient_FirstAttemptUnavailable_RetriesReadsButNotWrites()
    {
        var attempts = new List<string>();
        var services = new ServiceCollection();
        var connection = Connection("prov-demo-madona-group-home", purpose: null);
        services.AddDeinstGatewayClient<RegistryService.RegistryServiceClient>(connection).AddHttpMessageHandler(() => new FailFirstAttemptPerMethod(attempts));
        services.AddDeinstGatewayClient<CapacityService.CapacityServiceClient>(connection).AddHttpMessageHandler(() => new FailFirstAttemptPerMethod(attempts));
        await using var provider = services.BuildServiceProvider();

        var institution = await provider.GetRequiredService<RegistryService.RegistryServiceClient>()
            .GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" });
        var write = await Assert.ThrowsAsync<RpcException>(() => provider.GetRequiredService<CapacityService.CapacityServiceClient>()
            .SetCapacityAsync(new SetCapacityRequest
            {
                Provider = "institutions/prov-demo-madona-group-home",
                ServiceType = ServiceType.GroupHome,
                Places = 8,
                EffectiveFrom = TransferRequests.Date(TestCalendar.Today.AddDays(400)),
            }).ResponseAsync);

        Assert.Equal("mun-madona", institution.Code);
        Assert.Equal(StatusCode.Unavailable, write.StatusCode);
        Assert.Equal(["/deinst.v1.CapacityService/SetCapacity", "/deinst.v1.RegistryService/GetInstitution", "/deinst.v1.RegistryService/GetInstitution"], attempts.Order());
    }

    [Fact]
    public void IdempotentMethods_ReadsOnly_NoWriteIsRetried()
    {
        Assert.Contains("/deinst.v1.RegistryService/GetInstitution", GatewayRetryPolicy.IdempotentMethods);
        Assert.Contains("/deinst.v1.CapacityService/QueryCapacity", GatewayRetryPolicy.IdempotentMethods);
        Assert.DoesNotContain(GatewayRetryPolicy.IdempotentMethods, m =>
            m.EndsWith("/SetCapacity", StringComparison.Ordinal) || m.Contains("Transfer/", StringComparison.Ordinal) && !m.Contains("/GetTransfer", StringComparison.Ordinal) && !m.Contains("/ListTransfers", StringComparison.Ordinal));
        Assert.DoesNotContain("/deinst.v1.ServiceRecordService/RecordServices", GatewayRetryPolicy.IdempotentMethods);
        Assert.DoesNotContain("/deinst.v1.ClientService/RegisterClient", GatewayRetryPolicy.IdempotentMethods);
    }

    private GatewayConnection Connection(string institution, string? purpose) => new()
    {
        Address = fixture.Gateway.Address,
        CertificatePath = Pki.ClientCertificatePath(institution),
        KeyPath = Pki.ClientKeyPath(institution),
        CaPath = Pki.CaCertificatePath,
        Purpose = purpose,
    };

    /// <summary>Answers the first attempt of each method as an overloaded proxy would (503, which gRPC reads as UNAVAILABLE).</summary>
    private sealed class FailFirstAttemptPerMethod(List<string> attempts) : DelegatingHandler
    {

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            lock (attempts)
            {
                attempts.Add(path);
                if (attempts.Count(a => a == path) == 1)
                {
                    return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Version = HttpVersion.Version20, RequestMessage = request });
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
