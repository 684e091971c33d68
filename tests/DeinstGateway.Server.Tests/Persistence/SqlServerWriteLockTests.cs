using DeinstGateway.Core.Errors;
using DeinstGateway.Persistence.Database;
using DeinstGateway.Server.Errors;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// The SQL Server writers' lock checks what <c>sp_getapplock</c> returns. Where no SQL Server is
/// reachable (as on CI) only the statement and the handling of its return code are checked; the
/// last test runs the statement in a write where an engine is.
/// </summary>
public sealed class SqlServerWriteLockTests
{
    [Fact]
    public void Acquire_KeepsTheProceduresReturnCode()
    {
        Assert.StartsWith($"EXEC {SqlServerWriteLock.ResultParameter} = sp_getapplock ", SqlServerWriteLock.Acquire, StringComparison.Ordinal);
        Assert.Contains("@LockOwner = 'Transaction'", SqlServerWriteLock.Acquire, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void EnsureGranted_Granted_Returns(int returnCode)
    {
        SqlServerWriteLock.EnsureGranted(returnCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-2)]
    [InlineData(-3)]
    [InlineData(-999)]
    [InlineData(null)]
    public void EnsureGranted_NotGranted_FailsAsUnavailableNamingTheReason(int? returnCode)
    {
        var refused = Assert.Throws<StoreUnavailableException>(() => SqlServerWriteLock.EnsureGranted(returnCode));

        var status = RpcErrors.StatusOf(refused);
        Assert.Equal((int)Code.Unavailable, status.Code);
        Assert.Equal(SqlServerWriteLock.NotGranted, status.Details.Single().Unpack<ErrorInfo>().Reason);
    }

    [Fact]
    public void EnsureGranted_NoValueFromTheServer_Fails()
    {
        Assert.Throws<StoreUnavailableException>(() => SqlServerWriteLock.EnsureGranted(DBNull.Value));
    }

    [SqlServerFact]
    public async Task SubmitTransfers_OnSqlServer_TakesTheWriteLockAndWrites()
    {
        await using var database = new SqlServerTestDatabase();
        await using var gateway = await database.StartGatewayAsync();

        var answers = await TransferClient.SubmitAsync(gateway, "vsac-zemgale-jelgava", [TransferRequests.Valid()]);

        Assert.Equal(SubmitOutcome.Created, Assert.Single(answers).Outcome);
    }
}
