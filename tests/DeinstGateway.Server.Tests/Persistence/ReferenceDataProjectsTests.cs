using System.Text.Json.Nodes;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Microsoft.Extensions.DependencyInjection;

namespace DeinstGateway.Server.Tests.Persistence;

/// <summary>
/// Projects and pre-2021 municipalities in the reference data: rows of the same form can be added
/// (a project whose number and name are not known, a former county), and a file whose projects or
/// successors cannot be applied is refused whole, naming the problem.
/// </summary>
public sealed class ReferenceDataProjectsTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;
    private string _folder = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _folder = Path.Combine(Path.GetTempPath(), "deinst-projects-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<string, Action<JsonNode>> BrokenFiles => new()
    {
        { "split whose basis points", d => Project(d, "esf-zemgale")["split"]!["esfBasisPoints"] = 8_000 },
        { "partner 'mun-nowhere'", d => Project(d, "ib-pilot")["partners"]!.AsArray().Add(new JsonObject { ["institutionCode"] = "mun-nowhere" }) },
        { "lack 'none'", d => d["projects"]!.AsArray().Remove(Project(d, "none")) },
        { "project number appears twice", d => Project(d, "esf-kurzeme")["number"] = "9.2.2.1/15/I/001" },
        { "offers GroupHome to no known recipient", d => Project(d, "esf-zemgale")["services"]!.AsArray().Add(new JsonObject { ["type"] = "GroupHome", ["recipients"] = new JsonArray(), ["limits"] = new JsonArray() }) },
        { "comes back to it", d => Institution(d, "mun-pre2021-vecumnieki")["successor"] = "mun-pre2021-vecumnieki" },
        { "no municipality existing from the day it ends", d => Institution(d, "mun-pre2021-vecumnieki")["validTo"] = "2020-01-01" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task Load_BrokenProjectsOrSuccessors_IsRefusedNamingTheProblem(string problem, Action<JsonNode> breakIt)
    {
        var path = await WriteAsync(breakIt);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => LoadAsync(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AProjectOfUnknownNumberAndAFormerCounty_AddsThemAndRecordsMayNameThem()
    {
        var path = await WriteAsync(d =>
        {
            var county = Institution(d, "mun-pre2021-iecava").DeepClone();
            county["code"] = "mun-pre2021-test";
            county["name"] = "Testa novada pašvaldība (līdz 2021)";
            d["institutions"]!.AsArray().Add(county);
            var project = Project(d, "esf-kurzeme").DeepClone();
            project["code"] = "esf-test";
            project["number"] = null;
            project["name"] = null;
            d["projects"]!.AsArray().Add(project);
        });

        var result = await LoadAsync(path);

        Assert.Equal(2, result.Inserted);
        var registry = new RegistryService.RegistryServiceClient(_gateway.ChannelFor("lm"));
        var county = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-pre2021-test" });
        Assert.Equal("institutions/mun-bauska", county.Successor.Name);
    }

    private async Task<ReferenceDataLoadResult> LoadAsync(string path)
    {
        await using var scope = _gateway.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferenceDataLoader>().LoadAsync(path, CancellationToken.None);
    }

    private async Task<string> WriteAsync(Action<JsonNode> change)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(TestPki.ReferenceDataPath))!;
        change(document);
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }

    private static JsonNode Project(JsonNode document, string code) => document["projects"]!.AsArray().Single(p => (string?)p!["code"] == code)!;

    private static JsonNode Institution(JsonNode document, string code) => document["institutions"]!.AsArray().Single(i => (string?)i!["code"] == code)!;
}
