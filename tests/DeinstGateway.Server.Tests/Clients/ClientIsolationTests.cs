using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Clients;

/// <summary>
/// The two defects found by trying the gateway as a new user would, step by step as reported:
/// a sender must not rewrite or learn of another institution's client, and a submission alone
/// must not make a municipality responsible.
/// </summary>
public sealed class ClientIsolationTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Submission_OfAnotherCentresClientUnderOtherNames_IsAnsweredAsForANewPersonAndChangesNothingOthersSee()
    {
        // vsac-zemgale sends Anna Ozola to mun-madona, which accepts.
        var anna = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona");
        anna.Transfer.Person.GivenName = "Anna";
        anna.Transfer.Person.FamilyName = "Ozola";
        var first = await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", anna, complete: false);

        // vsac-latgale sends the same personal code as "Mallory Probe" to mun-riga, and a stranger nobody knows.
        var probe = TransferRequests.Valid(source: "vsac-latgale", destination: "mun-riga");
        probe.Transfer.Person = anna.Transfer.Person.Clone();
        probe.Transfer.Person.GivenName = "Mallory";
        probe.Transfer.Person.FamilyName = "Probe";
        var stranger = TransferRequests.Valid(source: "vsac-latgale", destination: "mun-riga");
        var answers = await TransferClient.SubmitAsync(_gateway, "vsac-latgale", [probe, stranger]);

        // Both answers have the same shape: created, naming only the new transfer.
        Assert.All(answers, a => Assert.Equal((SubmitOutcome.Created, (Google.Rpc.Status?)null), (a.Outcome, a.Error)));

        var madonaSees = await _gateway.Transfers("mun-madona").GetTransferAsync(new GetTransferRequest { Name = first.Name });
        Assert.Equal(("Anna", "Ozola"), (madonaSees.Person.GivenName, madonaSees.Person.FamilyName));
        var client = await _gateway.Clients("mun-madona").GetClientAsync(new GetClientRequest { Name = first.Client });
        Assert.Equal(("Anna", "Ozola"), (client.Client.Person.GivenName, client.Client.Person.FamilyName));
        Assert.Empty(client.TransfersWithOtherPersonDetails);

        // The sender sees what it sent, and nothing of the client beyond it.
        var probeSeen = await _gateway.Transfers("vsac-latgale").GetTransferAsync(new GetTransferRequest { Name = answers[0].Transfer });

        // Once Rīga accepts the probe's transfer, it sees the sender's names on it and the flag on the client.
        var accepted = await _gateway.Transfers("mun-riga").AcceptTransferAsync(new AcceptTransferRequest { Name = probeSeen.Name, Etag = probeSeen.Etag });
        Assert.Equal(("Mallory", "Probe"), (accepted.Person.GivenName, accepted.Person.FamilyName));
        var rigaView = await _gateway.Clients("mun-riga").GetClientAsync(new GetClientRequest { Name = first.Client });
        Assert.Equal("Anna", rigaView.Client.Person.GivenName);
        Assert.Equal([probeSeen.Name], rigaView.TransfersWithOtherPersonDetails);
        Assert.Equal(("Mallory", "Probe"), (probeSeen.Person.GivenName, probeSeen.Person.FamilyName));
        var senderView = await _gateway.Clients("vsac-latgale").GetClientAsync(new GetClientRequest { Name = probeSeen.Client });
        Assert.Equal((string.Empty, TargetGroup.Unspecified), (senderView.Client.Person.GivenName, senderView.Client.TargetGroup));
        Assert.Empty(senderView.Responsibilities);
        Assert.Empty(senderView.Providers);
        Assert.Empty(senderView.Services);
        Assert.Equal([answers[0].Transfer], senderView.Transfers.Select(t => t.Name));
    }

    [Fact]
    public async Task Submission_ToAMunicipality_GivesItNoResponsibilityUntilItAccepts()
    {
        // Step 1 of the report leaves mun-riga named only in a submitted transfer.
        var madona = await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona"));
        var again = TransferRequests.Valid(source: "vsac-latgale", destination: "mun-riga");
        again.Transfer.Person = (await _gateway.Transfers("mun-madona").GetTransferAsync(new GetTransferRequest { Name = madona.Name })).Person;
        var toRiga = await TransferClient.CreateAsync(_gateway, "vsac-latgale", again);
        Assert.Equal(madona.Client, toRiga.Client);

        var audit = new AuditService.AuditServiceClient(_gateway.ChannelFor("mun-riga"));
        var plans = new SupportPlanService.SupportPlanServiceClient(_gateway.ChannelFor("mun-riga"));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => audit.ListClientAccessAsync(new ListClientAccessRequest { Parent = madona.Client }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => plans.ListSupportPlansAsync(new ListSupportPlansRequest { Parent = madona.Client }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _gateway.Clients("mun-riga").GetClientAsync(new GetClientRequest { Name = madona.Client }).ResponseAsync);

        // Each refusal is in the person's log, as the ministry reads it.
        var log = (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = madona.Client, PageSize = 100 })).Accesses;
        Assert.Equal(
            [Rpcs.GetClient, Rpcs.ListSupportPlans, Rpcs.ListClientAccess],
            log.Where(a => a.Institution == "institutions/mun-riga" && a.Outcome == AccessOutcome.Refused).Select(a => a.Method).Take(3));

        var accepted = await _gateway.Transfers("mun-riga").AcceptTransferAsync(new AcceptTransferRequest { Name = toRiga.Name, Etag = toRiga.Etag });
        var overview = await _gateway.Clients("mun-riga").GetClientAsync(new GetClientRequest { Name = madona.Client });
        Assert.Equal(["mun-madona", "mun-riga"], ClientRequests.OpenResponsibilities(overview));
        Assert.Equal(accepted.Name, Assert.Single(overview.Transfers).Name);
    }

    [Fact]
    public async Task LookupClient_OfAnExistingClientByAnUnrelatedMunicipality_IsTheSameAnswerAsForAnUnknownCode()
    {
        var transfer = await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona"));
        var code = (await _gateway.Transfers("mun-madona").GetTransferAsync(new GetTransferRequest { Name = transfer.Name })).Person.PersonalCode;
        var unknown = TransferRequests.NewPerson().Code;

        var existing = await Assert.ThrowsAsync<RpcException>(
            () => _gateway.Clients("mun-riga").LookupClientAsync(new LookupClientRequest { PersonalCode = code }).ResponseAsync);
        var absent = await Assert.ThrowsAsync<RpcException>(
            () => _gateway.Clients("mun-riga").LookupClientAsync(new LookupClientRequest { PersonalCode = unknown }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, existing.StatusCode);
        Assert.Equal(absent.Status, existing.Status);
        Assert.Equal(Trailers(absent), Trailers(existing));
        var found = await _gateway.Clients("mun-madona").LookupClientAsync(new LookupClientRequest { PersonalCode = code.Replace("-", string.Empty, StringComparison.Ordinal) });
        Assert.Equal(transfer.Client, found.Name);
    }

    // Every header and trailer but the clock's: two answers a second apart differ in their date.
    private static List<(string, string)> Trailers(RpcException e) => e.Trailers
        .Where(t => t.Key != "date")
        .Select(t => (t.Key, t.IsBinary ? Convert.ToBase64String(t.ValueBytes) : t.Value))
        .ToList();
}
