using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Tests.Hostile;
using DeinstGateway.Server.Tests.Infrastructure;
using DeinstGateway.Server.Transfers;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// A call's writes commit only while its deadline, by the gateway's clock, has not passed. The
/// cancellation that the deadline causes can reach a call late (a loaded machine runs grpc-dotnet's
/// deadline timer late, the client's reset waits behind other work), after its caller was told
/// DEADLINE_EXCEEDED, so the commit does not rely on it. Each test runs a call's store work in a
/// scope given a deadline as the limits interceptor gives each call's scope its own, with no
/// cancellation at all: the moment a late cancellation has not yet come, held still. On the real
/// SQLite file, a write past the deadline is rolled back whole.
/// </summary>
public sealed class CommitDeadlineTests
{
    private const string Centre = "vsac-zemgale";
    private const string Workshop = "prov-demo-jelgava-workshop";

    public static TheoryData<string> Writes => ["capacity declaration", "batch of a SubmitTransfers stream"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_CallDeadlinePassedBeforeItsCommit_IsDeadlinePassedAndWritesNothing(string write)
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var before = await RowCounts.ReadAsync(gateway.DatabasePath);
        var accessesBefore = await AccessLogLengthAsync(gateway);

        await using var call = CallScope(gateway, DateTimeOffset.UtcNow.AddSeconds(-1));
        await Assert.ThrowsAsync<DeadlinePassedException>(() => WriteAsync(call.ServiceProvider, write));

        Assert.Empty(RowCounts.Delta(before, await RowCounts.ReadAsync(gateway.DatabasePath)));
        Assert.Equal(accessesBefore, await AccessLogLengthAsync(gateway));
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_CallDeadlineAhead_Commits(string write)
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var before = await RowCounts.ReadAsync(gateway.DatabasePath);

        await using (var call = CallScope(gateway, DateTimeOffset.UtcNow.AddMinutes(1)))
        {
            await WriteAsync(call.ServiceProvider, write);
        }

        Assert.NotEmpty(RowCounts.Delta(before, await RowCounts.ReadAsync(gateway.DatabasePath)));
    }

    /// <summary>The access log's writer commits the reads of many calls together: one call's deadline is not its own.</summary>
    [Fact]
    public async Task RecordReads_CallDeadlinePassed_IsWritten()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var before = await AccessLogLengthAsync(gateway);

        await using (var call = CallScope(gateway, DateTimeOffset.UtcNow.AddSeconds(-1)))
        {
            var read = new AccessEntry(DateTimeOffset.UtcNow, Centre, "thumbprint", Rpcs.GetTransfer, Guid.NewGuid().ToString(), Purposes.TransferHandover, AccessOutcome.Read);
            await call.ServiceProvider.GetRequiredService<IAccessLog>().RecordReadsAsync([read], CancellationToken.None);
        }

        Assert.Equal(before + 1, await AccessLogLengthAsync(gateway));
    }

    private static AsyncServiceScope CallScope(GatewayProcess gateway, DateTimeOffset deadline)
    {
        var scope = gateway.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallDeadline>().Set(deadline);
        return scope;
    }

    private static Task WriteAsync(IServiceProvider call, string write) => write switch
    {
        "capacity declaration" => call.GetRequiredService<ICapacityStore>().DeclareAsync(
            new CapacityDeclaration(Workshop, ServiceType.SpecialisedWorkshop, 7, TestCalendar.Today, Workshop, DateTimeOffset.UtcNow),
            CancellationToken.None),
        "batch of a SubmitTransfers stream" => SubmitAsync(call.GetRequiredService<TransferSubmissions>()),
        _ => throw new ArgumentOutOfRangeException(nameof(write), write, null),
    };

    private static async Task SubmitAsync(TransferSubmissions submissions)
    {
        var caller = new Caller(Centre, ReferenceDataExpectations.KindOf(Centre), "thumbprint", DateTimeOffset.UtcNow.AddYears(1))
        {
            Method = Rpcs.SubmitTransfers,
            Purpose = Purposes.TransferHandover,
        };
        var batch = await submissions.PrepareAsync(caller, [TransferRequests.Valid().ToInput(), TransferRequests.Valid().ToInput()], CancellationToken.None);
        await submissions.ApplyAsync(caller, batch, CancellationToken.None);
    }

    private static Task<long> AccessLogLengthAsync(GatewayProcess gateway) => SqliteFile.CountAsync(gateway.DatabasePath, "access_log");
}
