using System.Text.Json;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary>The documented exit codes and sentences of <c>deinst</c>, and output that scripts can parse.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class ExitCodeTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Run_UnknownCommand_Usage()
    {
        var result = await new CliRunner(fixture.Gateway, "mun-madona").RunAsync("transfers", "teleport");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("deinst --help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FileMissing_UsageAndNothingSent()
    {
        var result = await new CliRunner(fixture.Gateway, "vsac-zemgale-jelgava").RunAsync("transfers", "submit", "/nowhere/residents.csv");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("The file /nowhere/residents.csv does not exist.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_GatewayNotListening_Unreachable()
    {
        var result = await new CliRunner(fixture.Gateway, "mun-madona").RunAsync("--gateway", "https://127.0.0.1:1", "institutions", "show", "mun-madona");

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.StartsWith("Cannot reach the gateway at 127.0.0.1:1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownInstitution_RefusedWithASentence()
    {
        var result = await new CliRunner(fixture.Gateway, "mun-madona").RunAsync("institutions", "show", "mun-atlantis");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.StartsWith("Not found:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointNotIssued_NamesTheField()
    {
        var result = await new CliRunner(fixture.Gateway, "lm").RunAsync("audit", "verify", "--checkpoint", "not-a-checkpoint");

        Assert.Equal(ExitCodes.Refused, result.ExitCode);
        Assert.StartsWith("The gateway found a mistake in what was sent — checkpoint:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OutputJson_ParsesAsTheRegistrysInstitutions()
    {
        var result = await new CliRunner(fixture.Gateway, "mun-madona").RunAsync("institutions", "list", "--kind", "municipality", "--region", "pr-vidzeme", "--output", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var codes = JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("mun-madona", codes);
        Assert.DoesNotContain("mun-jelgava", codes);
    }

    [Fact]
    public async Task Show_OutputCsv_HeaderAndOneRow()
    {
        var result = await new CliRunner(fixture.Gateway, "mun-madona").RunAsync("institutions", "show", "mun-madona", "--output", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(2, result.OutputLines.Length);
        Assert.StartsWith("code,kind,region,", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("mun-madona,municipality,pr-vidzeme,", result.OutputLines[1], StringComparison.Ordinal);
    }
}
