using Grpc.Net.Client;

namespace DeinstGateway.Client;

/// <summary>A channel to the gateway for code that makes its clients itself (no dependency injection).</summary>
public static class GatewayChannel
{
    public static GrpcChannel Create(GatewayConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        HttpMessageHandler handler = GatewayHandler.Create(connection);
        if (connection.Purpose is { } purpose)
        {
            handler = new PurposeHandler(purpose) { InnerHandler = handler };
        }

        return GrpcChannel.ForAddress(connection.Address, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            ServiceConfig = GatewayRetryPolicy.ServiceConfig(),
        });
    }
}
