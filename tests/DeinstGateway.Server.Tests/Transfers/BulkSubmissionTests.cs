using DeinstGateway.Core.Access;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Transfers;

/// <summary>Large streams on a gateway of their own, so row counts are exact.</summary>
public sealed class BulkSubmissionTests
{
    private const string Centre = "vsac-zemgale";

    [Fact]
    public async Task Submit_10000MessagesWithInvalidDuplicateAndConflictingOnesMixedIn_CountsEachOutcomeExactly()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var requests = new List<SubmitTransferRequest>(10_000);
        for (var i = 0; i < 10_000; i++)
        {
            SubmitTransferRequest request;
            if (i % 10 == 3)
            {
                request = TransferRequests.Valid();
                request.Transfer.Person.BirthDate.Day = request.Transfer.Person.BirthDate.Day == 1 ? 2 : 1;
            }
            else if (i % 10 == 7)
            {
                request = requests[i - 1].Clone();
            }
            else if (i % 50 == 9)
            {
                // Same case number as message i-3 (created), other person: a conflict.
                request = TransferRequests.Valid();
                request.Transfer.CaseNumber = requests[i - 3].Transfer.CaseNumber;
            }
            else
            {
                request = TransferRequests.Valid();
            }

            requests.Add(request);
        }

        var responses = await TransferClient.SubmitAsync(gateway, Centre, requests);

        Assert.Equal(requests.Select(r => r.RequestId), responses.Select(r => r.RequestId));
        var counts = responses.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7_800, counts[SubmitOutcome.Created]);
        Assert.Equal(1_000, counts[SubmitOutcome.Duplicate]);
        Assert.Equal(200, counts[SubmitOutcome.Conflict]);
        Assert.Equal(1_000, counts[SubmitOutcome.Rejected]);
        Assert.Equal(["7800"], await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM transfers"));
        Assert.Equal(["7800"], await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM clients"));
        Assert.Equal(["7800"], await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM transfer_events"));
    }

    [Fact]
    public async Task Submit_StreamCutMidwayThenResentWhole_CreatesNoDuplicateTransferOrClient()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var requests = Enumerable.Range(0, 2_000).Select(_ => TransferRequests.Valid()).ToList();

        var cut = await CutAfterAsync(gateway, requests, answers: 700);
        var resent = await TransferClient.SubmitAsync(gateway, Centre, requests);

        Assert.True(cut >= 700);
        Assert.All(resent, r => Assert.Contains(r.Outcome, new[] { SubmitOutcome.Created, SubmitOutcome.Duplicate }));
        Assert.True(resent.Count(r => r.Outcome == SubmitOutcome.Duplicate) >= 700);
        Assert.Equal(2_000, resent.Select(r => r.Transfer).Distinct().Count());
        Assert.Equal(["2000"], await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM transfers"));
        Assert.Equal(["2000"], await SqliteFile.ColumnAsync(gateway.DatabasePath, "SELECT COUNT(*) FROM clients"));
    }

    [Fact]
    public async Task Submit_SameStreamToTwoGatewayProcessesAtOnce_CreatesEachTransferAndClientOnce()
    {
        var path = GatewayProcess.NewDatabasePath();
        await using var first = await GatewayProcess.StartAsync(path);
        await using var second = await GatewayProcess.StartAsync(path);
        var requests = Enumerable.Range(0, 3_000).Select(_ => TransferRequests.Valid()).ToList();

        var answers = await Task.WhenAll(
            Task.Run(() => TransferClient.SubmitAsync(first, Centre, requests)),
            Task.Run(() => TransferClient.SubmitAsync(second, Centre, requests)));

        for (var i = 0; i < requests.Count; i++)
        {
            var outcomes = answers.Select(a => a[i].Outcome).Order().ToList();
            Assert.Equal([SubmitOutcome.Created, SubmitOutcome.Duplicate], outcomes);
            Assert.Equal(answers[0][i].Transfer, answers[1][i].Transfer);
        }

        Assert.Equal(["3000"], await SqliteFile.ColumnAsync(path, "SELECT COUNT(*) FROM transfers"));
        Assert.Equal(["3000"], await SqliteFile.ColumnAsync(path, "SELECT COUNT(*) FROM clients"));
        Assert.Equal(["3000"], await SqliteFile.ColumnAsync(path, "SELECT COUNT(*) FROM transfer_events"));
    }

    [Fact]
    public async Task DatabaseFile_AfterSubmissions_ContainsNoPersonalCode()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var requests = Enumerable.Range(0, 300).Select(_ => TransferRequests.Valid()).ToList();
        var responses = await TransferClient.SubmitAsync(gateway, Centre, requests);
        Assert.All(responses, r => Assert.Equal(SubmitOutcome.Created, r.Outcome));

        SqliteFile.AssertHoldsNoneOf(gateway.DatabasePath, requests.Select(r => r.Transfer.Person.PersonalCode));
    }

    /// <summary>Sends everything, drops the connection once this many answers arrived; returns how many did.</summary>
    private static async Task<int> CutAfterAsync(GatewayProcess gateway, List<SubmitTransferRequest> requests, int answers)
    {
        using var cancel = new CancellationTokenSource();
        var client = new TransferService.TransferServiceClient(gateway.ChannelWith(TestPki.Instance.ClientCertificate(Centre)));
        using var call = client.SubmitTransfers(
            new Metadata { { AccessControlInterceptor.PurposeHeader, Purposes.TransferHandover } }, cancellationToken: cancel.Token);
        var received = 0;
        var reading = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(cancel.Token))
            {
                if (++received == answers)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        try
        {
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request, cancel.Token);
            }

            await reading;
        }
        catch (Exception e) when (e is RpcException { StatusCode: StatusCode.Cancelled } or OperationCanceledException)
        {
            // The cut.
        }

        return received;
    }
}
