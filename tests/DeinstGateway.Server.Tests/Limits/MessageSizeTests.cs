using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Limits;

[Collection(SharedGatewayCollection.Name)]
public sealed class MessageSizeTests(GatewayFixture fixture)
{
    [Fact]
    public async Task GetInstitution_MessageOverTheReceiveLimit_IsResourceExhaustedAndTheSameChannelIsServedAfter()
    {
        var registry = new RegistryService.RegistryServiceClient(fixture.Gateway.ChannelFor("mun-madona"));

        await RpcAssert.FailsWith(StatusCode.ResourceExhausted, () => registry.GetInstitutionAsync(
            new GetInstitutionRequest { Name = "institutions/" + new string('a', 5 * 1024 * 1024) }).ResponseAsync);
        var next = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" });

        Assert.Equal("institutions/mun-madona", next.Name);
    }
}
