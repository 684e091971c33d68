using System.Globalization;
using System.Text.Json;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary><c>deinst records import FILE</c> as a municipality records a month's deliveries.</summary>
public sealed class RecordsImportTests
{
    [Fact]
    public async Task Import_ValidAndUnknownClientRows_CountsThemAndRerunCountsNothingTwice()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var transfer = await TransferClient.HandOverAsync(gateway, "vsac-zemgale-jelgava",
            TransferRequests.Valid(destination: "mun-madona", provider: "prov-demo-madona-group-home", service: ServiceType.GroupHome));
        var cli = new CliRunner(gateway, "mun-madona");
        var today = TestCalendar.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = Path.Combine(cli.Folder, "march.csv");
        await File.WriteAllLinesAsync(file,
        [
            "client,service_type,provider,first_day,last_day,quantity,unit,cost_eur,funding_source,esf_project_code",
            $"{transfer.Client},group-home,prov-demo-madona-group-home,{today},{today},1,places,45.00,municipal-budget,",
            $"clients/{Guid.NewGuid()},group-home,prov-demo-madona-group-home,{today},{today},1,places,45.00,municipal-budget,",
        ]);

        var first = await cli.RunAsync("records", "import", file, "--output", "json");
        var second = await cli.RunAsync("records", "import", file, "--output", "json");

        Assert.Equal(ExitCodes.SomeRowsRejected, first.ExitCode);
        Assert.Equal((2, 1, 0, 1), Counts(first));
        Assert.Equal((2, 0, 1, 1), Counts(second));
        var rejects = await File.ReadAllLinesAsync(Path.Combine(cli.Folder, "march.rejects.csv"));
        Assert.Equal(2, rejects.Length);
        Assert.Contains(",3,rejected,", rejects[1], StringComparison.Ordinal);
    }

    private static (int Sent, int Accepted, int Duplicate, int Rejected) Counts(CliResult result)
    {
        var summary = JsonDocument.Parse(result.Output).RootElement;
        int Count(string name) => summary.GetProperty(name).GetInt32();
        return (Count("sent"), Count("accepted"), Count("duplicate"), Count("rejected"));
    }
}
