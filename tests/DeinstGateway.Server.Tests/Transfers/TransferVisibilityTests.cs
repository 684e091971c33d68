using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Transfers;

/// <summary>Who sees which transfer, and who sees the person: on a gateway of its own, so lists are exact.</summary>
public sealed class TransferVisibilityTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;
    private Transfer _toJelgava = null!;
    private Transfer _toCesis = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _toJelgava = await TransferClient.CreateAsync(_gateway, "vsac-zemgale-jelgava", TransferRequests.Valid(destination: "mun-jelgava"));
        _toCesis = await TransferClient.CreateAsync(_gateway, "vsac-latgale-kalupe", TransferRequests.Valid(source: "vsac-latgale-kalupe", destination: "mun-cesis"));
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Theory]
    [InlineData("vsac-zemgale-jelgava", true)]
    [InlineData("vsac-zemgale", true)]
    [InlineData("mun-jelgava", true)]
    [InlineData("pr-zemgale", false)]
    [InlineData("lm", false)]
    public async Task GetTransfer_ByAPartyOrOverseer_ShowsPersonOnlyToTheTwoParties(string caller, bool seesPerson)
    {
        var seen = await Client(caller).GetTransferAsync(new GetTransferRequest { Name = _toJelgava.Name });

        Assert.Equal(_toJelgava.CaseNumber, seen.CaseNumber);
        Assert.Equal(TargetGroup.AdultWithIntellectualOrMentalDisability, seen.TargetGroup);
        if (seesPerson)
        {
            Assert.Equal(_toJelgava.Person.PersonalCode, seen.Person.PersonalCode);
            Assert.NotEmpty(seen.Person.GivenName);
        }
        else
        {
            Assert.Empty(seen.Person.PersonalCode);
            Assert.Empty(seen.Person.GivenName);
            Assert.Empty(seen.Person.FamilyName);
            Assert.Null(seen.Person.BirthDate);
        }
    }

    [Theory]
    [InlineData("vsac-latgale")]
    [InlineData("vsac-zemgale-iecava")]
    [InlineData("mun-bauska")]
    [InlineData("pr-vidzeme")]
    public async Task GetTransfer_ByAnUninvolvedInstitution_IsNotFound(string caller) =>
        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Client(caller).GetTransferAsync(new GetTransferRequest { Name = _toJelgava.Name }).ResponseAsync);

    [Theory]
    [InlineData("lm", new[] { "jelgava", "cesis" })]
    [InlineData("pr-zemgale", new[] { "jelgava" })]
    [InlineData("pr-vidzeme", new[] { "cesis" })]
    [InlineData("mun-cesis", new[] { "cesis" })]
    [InlineData("vsac-zemgale", new[] { "jelgava" })]
    [InlineData("vsac-latgale", new[] { "cesis" })]
    [InlineData("mun-riga", new string[0])]
    public async Task ListTransfers_ForEachKindOfInstitution_ListsExactlyItsOwn(string caller, string[] expected)
    {
        var page = await Client(caller).ListTransfersAsync(new ListTransfersRequest());

        var names = expected.Select(e => e == "jelgava" ? _toJelgava.Name : _toCesis.Name).Order(StringComparer.Ordinal);
        Assert.Equal(names, page.Transfers.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListTransfers_ByStateAndPaged_WalksAllWithoutRepeats()
    {
        for (var i = 0; i < 5; i++)
        {
            await TransferClient.CreateAsync(_gateway, "vsac-zemgale", TransferRequests.Valid(source: "vsac-zemgale"));
        }

        var names = new List<string>();
        var request = new ListTransfersRequest { PageSize = 2, State = TransferState.Submitted };
        do
        {
            var page = await Client("lm").ListTransfersAsync(request);
            names.AddRange(page.Transfers.Select(t => t.Name));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(7, names.Distinct().Count());
        Assert.Equal(7, names.Count);
        var accepted = await Client("lm").ListTransfersAsync(new ListTransfersRequest { State = TransferState.Accepted });
        Assert.Empty(accepted.Transfers);
    }

    private TransferService.TransferServiceClient Client(string caller) => new(_gateway.ChannelFor(caller));
}
