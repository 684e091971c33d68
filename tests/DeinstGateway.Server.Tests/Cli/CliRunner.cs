using DeinstGateway.Cli;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary>
/// Runs <c>deinst</c> in-process as one institution's back office would after `deinst profile
/// save`: its certificate, the test CA and the gateway's address from the environment, its own
/// profile file.
/// </summary>
public sealed class CliRunner(GatewayProcess gateway, string institution)
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("deinst-cli-").FullName;

    public string ProfilePath => Path.Combine(Folder, "profile.json");

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var pki = TestPki.Instance;
        var variables = new Dictionary<string, string>
        {
            ["DEINST_GATEWAY"] = gateway.Address.ToString(),
            ["DEINST_CERT"] = pki.ClientCertificatePath(institution),
            ["DEINST_KEY"] = pki.ClientKeyPath(institution),
            ["DEINST_CA"] = pki.CaCertificatePath,
            ["DEINST_PROFILE"] = ProfilePath,
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await DeinstCli.RunAsync(args, CliEnvironment.Captured(output, error, variables));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
