using System.Text.Json;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary><c>deinst transfers watch</c> remembers in the profile where it stopped, and the next watch goes on from there.</summary>
public sealed class WatchCommandTests
{
    [Fact]
    public async Task Watch_RunTwice_SecondContinuesAfterTheLastChangeTheFirstPrinted()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var requests = Enumerable.Range(0, 3).Select(_ => TransferRequests.Valid()).ToList();
        await TransferClient.SubmitAsync(gateway, "vsac-zemgale-jelgava", requests);
        var cli = new CliRunner(gateway, "mun-jelgava");

        var first = await cli.RunAsync("transfers", "watch", "--limit", "2", "--output", "json");
        var second = await cli.RunAsync("transfers", "watch", "--limit", "1", "--output", "json");
        var again = await cli.RunAsync("transfers", "watch", "--from", "0", "--limit", "1", "--output", "json");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.ExitCode, second.ExitCode));
        Assert.Equal(requests.Take(2).Select(r => r.Transfer.CaseNumber), first.OutputLines.Select(CaseNumber));
        Assert.Equal([requests[2].Transfer.CaseNumber], second.OutputLines.Select(CaseNumber));
        Assert.Equal([requests[0].Transfer.CaseNumber], again.OutputLines.Select(CaseNumber));
        Assert.Contains("continues after change", second.Error, StringComparison.Ordinal);
    }

    private static string CaseNumber(string line) => JsonDocument.Parse(line).RootElement.GetProperty("caseNumber").GetString()!;
}
