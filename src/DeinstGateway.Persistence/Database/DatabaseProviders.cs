using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Time;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Persistence.Database;

/// <summary>The one place where SQLite and SQL Server differ.</summary>
internal static class DatabaseProviders
{
    /// <summary>
    /// Our look-ups pass whole batches (500 keys) or a region's providers (1,000 codes): as one
    /// JSON parameter (json_each / OPENJSON) instead of EF Core 10's default of one parameter per
    /// element, whose statement SQLite re-parses per size and whose names it binds by linear search
    /// (a 500-key batch look-up cost 29 µs per transfer; see the transfers benchmark).
    /// </summary>
    private const ParameterTranslationMode OneParameterPerCollection = ParameterTranslationMode.Parameter;

    public static void Register(IServiceCollection services, DatabaseOptions options)
    {
        switch (options.Provider.ToUpperInvariant())
        {
            case "SQLITE":
                var connectionString = SqliteConnectionString(options);
                services.AddPooledDbContextFactory<SqliteGatewayDbContext>(builder => builder
                    .UseSqlite(connectionString, sqlite => sqlite
                        .CommandTimeout(options.CommandTimeoutSeconds)
                        .UseParameterizedCollectionMode(OneParameterPerCollection))
                    .AddInterceptors(new SqlitePragmas(), new DeadlineCommitGuard()));
                AddContextPerScope<SqliteGatewayDbContext>(services);
                services.AddSingleton<IWriteSerializer, SqliteWriteSerializer>();
                services.AddSingleton<IDatabaseChangeProbe>(_ => new SqliteChangeProbe(connectionString));
                break;
            case "SQLSERVER":
                if (string.IsNullOrWhiteSpace(options.SqlServerConnectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but no connection string is configured: set ConnectionStrings:SqlServer.");
                }

                services.AddPooledDbContextFactory<SqlServerGatewayDbContext>(builder => builder
                    // No retrying execution strategy: the gateway's own transactions decide what is
                    // safe to repeat (a submission batch is looked at again after a conflict).
                    .UseSqlServer(options.SqlServerConnectionString, sql => sql
                        .CommandTimeout(options.CommandTimeoutSeconds)
                        .UseParameterizedCollectionMode(OneParameterPerCollection))
                    .AddInterceptors(new DeadlineCommitGuard()));
                AddContextPerScope<SqlServerGatewayDbContext>(services);
                services.AddSingleton<IWriteSerializer, SqlServerWriteSerializer>();
                services.AddSingleton<IDatabaseChangeProbe, AlwaysChangedProbe>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{options.Provider}' is not supported; use 'Sqlite' (the embedded default) or 'SqlServer'.");
        }
    }

    /// <summary>
    /// One context per DI scope, taken from the pool (building a context's options and internal
    /// services per call cost about a third of a QueryCapacity call's CPU, with lock contention
    /// between calls), and returned when the scope ends. It carries the scope's call deadline,
    /// which the pool's shared interceptors cannot take from DI.
    /// </summary>
    private static void AddContextPerScope<TContext>(IServiceCollection services)
        where TContext : GatewayDbContext =>
        services.AddScoped<GatewayDbContext>(provider =>
        {
            var db = provider.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            db.CallDeadline = provider.GetRequiredService<CallDeadline>();
            return db;
        });

    public static string SqliteConnectionString(DatabaseOptions options)
    {
        var path = Path.GetFullPath(options.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = true,
            DefaultTimeout = options.CommandTimeoutSeconds,
        }.ToString();
    }
}
