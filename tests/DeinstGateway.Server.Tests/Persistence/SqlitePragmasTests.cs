using DeinstGateway.Persistence.Database;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>The connection settings hold on every connection a call gets, also one taken again from the pool.</summary>
public sealed class SqlitePragmasTests
{
    [Fact]
    public async Task Connection_OpenedAgainFromThePool_KeepsForeignKeysSynchronousAndCacheSize()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var settings = new List<string>();

        for (var call = 0; call < 3; call++)
        {
            await using var scope = gateway.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT (SELECT foreign_keys FROM pragma_foreign_keys) || ' ' || (SELECT synchronous FROM pragma_synchronous) || ' ' || (SELECT cache_size FROM pragma_cache_size)";
            settings.Add((string)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }

        Assert.Equal(["1 1 -32768", "1 1 -32768", "1 1 -32768"], settings);
    }
}
