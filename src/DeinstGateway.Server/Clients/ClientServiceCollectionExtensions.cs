using DeinstGateway.Core.ClientOverview;
using DeinstGateway.Core.Clients;

namespace DeinstGateway.Server.Clients;

public static class ClientServiceCollectionExtensions
{
    public static IServiceCollection AddClients(this IServiceCollection services) =>
        services.AddScoped<ClientGuard>().AddScoped<ClientDirectory>().AddScoped<ClientOverviews>();
}
