using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DeinstGateway.Server.Tests.Hosting;

/// <summary>The built gateway finds the settings files beside its binaries, whatever its working directory.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task Gateway_StartedFromAnotherWorkingDirectory_AppliesTheSettingsFileBesideItsBinary()
    {
        // An environment of this test's own, so that no other gateway reads the file.
        var environment = "ContentRoot" + Guid.NewGuid().ToString("N");
        var settings = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json");
        await File.WriteAllTextAsync(settings, """{ "Limits": { "CallsPerSecond": 1, "Burst": 1 } }""");
        var elsewhere = Directory.CreateTempSubdirectory("deinst-cwd-");
        try
        {
            await using var gateway = await GatewayChildProcess.StartAsync(elsewhere.FullName, $"environment={environment}");
            using var channel = GatewayProcess.ChannelTo(gateway.Address, TestPki.Instance.ClientCertificate("mun-madona"));
            var registry = new RegistryService.RegistryServiceClient(channel.Intercept(new DeclaredPurposeInterceptor(ReferenceDataExpectations.KindOf("mun-madona"))));

            await registry.ListServiceTypesAsync(new ListServiceTypesRequest());

            await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => registry.ListServiceTypesAsync(new ListServiceTypesRequest()).ResponseAsync);
        }
        finally
        {
            File.Delete(settings);
            elsewhere.Delete(recursive: true);
        }
    }
}
