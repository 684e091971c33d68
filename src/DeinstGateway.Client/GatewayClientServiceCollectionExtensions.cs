using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Client;

public static class GatewayClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a typed gateway client (e.g. <c>RegistryService.RegistryServiceClient</c>) with the
    /// gRPC client factory: the institution's certificate, the gateway's CA, the purpose header and
    /// retries for reads. The returned builder takes further handlers.
    /// </summary>
    public static IHttpClientBuilder AddDeinstGatewayClient<TClient>(this IServiceCollection services, GatewayConnection connection)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(connection);
        var builder = services
            .AddGrpcClient<TClient>(options => options.Address = connection.Address)
            .ConfigurePrimaryHttpMessageHandler(() => GatewayHandler.Create(connection))
            .ConfigureChannel(channel => channel.ServiceConfig = GatewayRetryPolicy.ServiceConfig());
        return connection.Purpose is { } purpose ? builder.AddHttpMessageHandler(() => new PurposeHandler(purpose)) : builder;
    }
}
