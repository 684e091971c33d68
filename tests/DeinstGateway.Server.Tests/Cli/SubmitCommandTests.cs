using System.Globalization;
using System.Text.Json;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Cli;

/// <summary><c>deinst transfers submit FILE</c> against the real gateway, as a care centre branch imports its residents.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class SubmitCommandTests(GatewayFixture fixture)
{
    private const string Header = "case_number,personal_code,given_name,family_name,birth_date,target_group,destination_municipality,requested_services,destination_provider,planned_move_date,support_plan_reference";

    [Fact]
    public async Task Submit_ValidDuplicateConflictingAndInvalidRows_CountsEachAndWritesTheRejectsFile()
    {
        var cli = new CliRunner(fixture.Gateway, "vsac-zemgale-jelgava");
        var prefix = "CLI-" + Guid.NewGuid().ToString("N")[..8];
        var move = TestCalendar.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Row(string suffix, string givenName, string? code = null, string? moveDate = null)
        {
            var (personalCode, birth) = TransferRequests.NewPerson();
            return string.Join(",", prefix + suffix, code ?? personalCode, givenName, "Bērziņa", birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "adult-with-intellectual-or-mental-disability", "mun-jelgava", "day-care-centre-adults", string.Empty, moveDate ?? move, "IAP-" + prefix + suffix);
        }

        var first = Row("-1", "Anna");
        var second = Row("-2", "Jānis");
        var file = Path.Combine(cli.Folder, "residents.csv");
        await File.WriteAllLinesAsync(file,
        [
            Header,
            first,
            second,
            Row("-3", "Ilze"),
            first, // the same row twice: sent before
            second.Replace("Jānis", "Pēteris", StringComparison.Ordinal), // the same case with another person: a conflict
            Row("-6", "Maija", code: "123456-12345"), // a personal code with a wrong check digit
            Row("-7", "Rasma", moveDate: "1.2.2027"), // not a date: never sent
        ]);

        var result = await cli.RunAsync("transfers", "submit", file, "--source", "vsac-zemgale-jelgava", "--output", "json");
        var rerun = await cli.RunAsync("transfers", "submit", file, "--source", "vsac-zemgale-jelgava", "--output", "json");

        Assert.Equal(ExitCodes.SomeRowsRejected, result.ExitCode);
        Assert.Equal((6, 3, 1, 1, 2), Counts(result));
        Assert.Equal((6, 0, 4, 1, 2), Counts(rerun));
        var rejects = await File.ReadAllLinesAsync(Path.Combine(cli.Folder, "residents.rejects.csv"));
        Assert.Equal(Header + ",line,outcome,reasons", rejects[0]);
        Assert.Equal([6, 7, 8], rejects.Skip(1).Select(r => int.Parse(r.Split(',')[11], CultureInfo.InvariantCulture)));
        Assert.StartsWith(prefix + "-2,", rejects[1], StringComparison.Ordinal);
        Assert.Contains(",conflict,", rejects[1], StringComparison.Ordinal);
        Assert.Contains(",rejected,", rejects[2], StringComparison.Ordinal);
        Assert.Contains("personal_code", rejects[2], StringComparison.Ordinal);
        Assert.Contains("planned_move_date: \"\"1.2.2027\"\" is not a date", rejects[3], StringComparison.Ordinal);
        var created = await new TransferService.TransferServiceClient(fixture.Gateway.ChannelFor("vsac-zemgale-jelgava"))
            .ListTransfersAsync(new ListTransfersRequest { PageSize = 1000, Source = "institutions/vsac-zemgale-jelgava" });
        Assert.Equal(3, created.Transfers.Count(t => t.CaseNumber.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Submit_JsonLinesEveryRowTaken_ExitsZeroAndLeavesNoRejectsFile()
    {
        var cli = new CliRunner(fixture.Gateway, "vsac-zemgale-jelgava");
        var (code, birth) = TransferRequests.NewPerson();
        var file = Path.Combine(cli.Folder, "one.jsonl");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["case_number"] = "CLI-" + Guid.NewGuid().ToString("N")[..8],
            ["source"] = "vsac-zemgale-jelgava",
            ["personal_code"] = code,
            ["given_name"] = "Anna",
            ["family_name"] = "Ozola",
            ["birth_date"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["target_group"] = "ADULT_WITH_INTELLECTUAL_OR_MENTAL_DISABILITY",
            ["destination_municipality"] = "mun-jelgava",
            ["requested_services"] = new[] { "day-care-centre-adults", "specialised-workshop" },
            ["planned_move_date"] = TestCalendar.Today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["support_plan_reference"] = "IAP-1",
        }) + "\n");

        var result = await cli.RunAsync("transfers", "submit", file);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("created", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Folder, "one.rejects.jsonl")));
    }

    private static (int Sent, int Created, int Duplicate, int Conflict, int Rejected) Counts(CliResult result)
    {
        var summary = JsonDocument.Parse(result.Output).RootElement;
        int Count(string name) => summary.GetProperty(name).GetInt32();
        return (Count("sent"), Count("created"), Count("duplicate"), Count("conflict"), Count("rejected"));
    }
}
