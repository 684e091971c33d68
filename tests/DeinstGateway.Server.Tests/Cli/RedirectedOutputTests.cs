using System.Diagnostics;
using DeinstGateway.Cli;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary>The tool as its own process with output redirected to a file or a pipe: plain text, no colour codes.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class RedirectedOutputTests(GatewayFixture fixture)
{
    [Fact]
    public async Task CapacityShow_OutputRedirected_PlainTextWithoutEscapeCodes()
    {
        var (exitCode, output, error) = await RunProcessAsync("pr-zemgale", "capacity", "show");
        var (failedCode, _, failure) = await RunProcessAsync("pr-zemgale", "institutions", "show", "mun-atlantis");

        Assert.Equal((0, 4), (exitCode, failedCode));
        Assert.Contains("free", output, StringComparison.Ordinal);
        Assert.Contains("Jelgava", output, StringComparison.Ordinal);
        Assert.StartsWith("Not found:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output + error + failure);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunProcessAsync(string institution, params string[] args)
    {
        var pki = TestPki.Instance;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { typeof(DeinstCli).Assembly.Location },
            Environment =
            {
                // A terminal that could show colours: only the redirection should turn them off.
                ["TERM"] = "xterm",
                ["NO_COLOR"] = null,
                ["DEINST_GATEWAY"] = fixture.Gateway.Address.ToString(),
                ["DEINST_CERT"] = pki.ClientCertificatePath(institution),
                ["DEINST_KEY"] = pki.ClientKeyPath(institution),
                ["DEINST_CA"] = pki.CaCertificatePath,
                ["DEINST_PROFILE"] = Path.Combine(pki.Folder, "no-profile.json"),
            },
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
