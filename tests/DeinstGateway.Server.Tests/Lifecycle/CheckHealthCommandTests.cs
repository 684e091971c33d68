using DeinstGateway.Server.Health;
using DeinstGateway.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DeinstGateway.Server.Tests.Lifecycle;

/// <summary>The container health check's command against a running gateway.</summary>
public sealed class CheckHealthCommandTests
{
    [Fact]
    public async Task CheckHealth_ServingThenStopping_ExitsZeroThenOne()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        string[] args =
        [
            CheckHealthCommand.Name,
            "--environment=Testing",
            $"--Urls={gateway.Address.ToString().Replace("127.0.0.1", "+", StringComparison.Ordinal)}",
            $"--Tls:CertificatePath={TestPki.Instance.ServerCertificatePath}",
        ];
        using var serving = new StringWriter();
        using var stopping = new StringWriter();

        var whileServing = await CheckHealthCommand.RunAsync(args, serving);
        gateway.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        var whileStopping = await CheckHealthCommand.RunAsync(args, stopping);

        Assert.Equal((0, "Serving"), (whileServing, serving.ToString().Trim()));
        Assert.Equal((1, "NotServing"), (whileStopping, stopping.ToString().Trim()));
    }
}
