namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// A test that needs a SQL Server engine: it runs when <c>DEINST_TEST_SQLSERVER</c> holds a
/// connection string (each run creates and drops its own database) and is skipped, saying so,
/// where no engine is reachable, as on the development machines and CI.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "DEINST_TEST_SQLSERVER";

    public SqlServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            Skip = $"No SQL Server engine: set {Variable} to a connection string to run this test.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
