using DeinstGateway.Persistence.Database;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>A database of its own on the SQL Server named by DEINST_TEST_SQLSERVER, dropped afterwards.</summary>
public sealed class SqlServerTestDatabase : IAsyncDisposable
{
    private readonly string _connectionString = new SqlConnectionStringBuilder(SqlServerFactAttribute.ConnectionString)
    {
        InitialCatalog = "deinst_test_" + Guid.NewGuid().ToString("N"),
    }.ConnectionString;

    public Task<GatewayProcess> StartGatewayAsync() => GatewayProcess.StartAsync(
        null, "Database:Provider=SqlServer", $"ConnectionStrings:SqlServer={_connectionString}");

    public async ValueTask DisposeAsync()
    {
        await using var db = new SqlServerGatewayDbContext(
            new DbContextOptionsBuilder<SqlServerGatewayDbContext>().UseSqlServer(_connectionString).Options);
        await db.Database.EnsureDeletedAsync();
    }
}
