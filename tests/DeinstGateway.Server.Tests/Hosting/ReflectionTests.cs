using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Reflection.V1Alpha;

namespace DeinstGateway.Server.Tests.Hosting;

[Collection(SharedGatewayCollection.Name)]
public sealed class ReflectionTests(GatewayFixture fixture)
{
    [Fact]
    public async Task ListServices_ThroughServerReflection_NamesTheDeinstServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Gateway.ChannelFor("lm"));
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("deinst.v1.RegistryService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task FileContainingSymbol_RegistryService_DescribesItsMethods()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Gateway.ChannelFor("lm"));
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "deinst.v1.RegistryService" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes))
            .ToList();
        var registry = files.Single(f => f.Name == "deinst/v1/registry.proto");
        Assert.Equal(
            ["GetInstitution", "ListInstitutions", "ListServiceTypes"],
            registry.Service.Single().Method.Select(m => m.Name));
    }
}
