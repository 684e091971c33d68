using DeinstGateway.Core.Access;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Audit;

/// <summary>Every read and write of a client's personal data is in the access log, with who, how, why and what came of it.</summary>
public sealed class AccessLogTests : IAsyncLifetime
{
    private const string Source = "vsac-zemgale-jelgava";
    private const string Destination = "mun-jelgava";
    private const string GetTransferMethod = "/deinst.v1.TransferService/GetTransfer";

    // The ministry's own look-ups in these tests are accesses too; counts leave them out.
    private const string ListClientAccessMethod = "/deinst.v1.AuditService/ListClientAccess";

    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task ListClientAccess_AfterSubmitAndRead_ShowsTheWriteAndTheReadWithInstitutionCertificateAndPurpose()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());
        await Transfers(Destination).GetTransferAsync(
            new GetTransferRequest { Name = transfer.Name }, Purpose(Purposes.DataSubjectRequest));

        var accesses = (await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client })).Accesses;

        // Newest first: the municipality's read, the source's read of what it created, the source's write.
        Assert.Equal(
            [
                (Destination, GetTransferMethod, Purposes.DataSubjectRequest, AccessOutcome.Read),
                (Source, GetTransferMethod, Purposes.TransferHandover, AccessOutcome.Read),
                (Source, "/deinst.v1.TransferService/SubmitTransfers", Purposes.TransferHandover, AccessOutcome.Written),
            ],
            accesses.Select(a => (a.Institution["institutions/".Length..], a.Method, a.Purpose, a.Outcome)));
        Assert.Equal(TestPki.Instance.ClientCertificate(Destination).GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            accesses[0].CertificateThumbprint, ignoreCase: true);
        Assert.All(accesses, a => Assert.True(a.AccessTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1)));
    }

    [Fact]
    public async Task GetTransfer_ByAMunicipalityOutsideItsScope_IsNotFoundAndLoggedAsRefused()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());

        await RpcAssert.FailsWith(StatusCode.NotFound, () => Transfers("mun-riga").GetTransferAsync(new GetTransferRequest { Name = transfer.Name }).ResponseAsync);

        var latest = (await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client })).Accesses[0];
        Assert.Equal(("institutions/mun-riga", AccessOutcome.Refused), (latest.Institution, latest.Outcome));
    }

    [Fact]
    public async Task AcceptTransfer_WithAStaleEtag_RollsBackAndLeavesNoEntry()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());
        var before = await EntriesAsync(transfer.Client);

        await RpcAssert.FailsWith(StatusCode.Aborted, () => Transfers(Destination)
            .AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = "\"stale\"" }).ResponseAsync);

        Assert.Equal(before, await EntriesAsync(transfer.Client));
    }

    [Fact]
    public async Task AcceptTransfer_Committed_IsOneWrittenEntryForTheCall()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());
        var before = await EntriesAsync(transfer.Client);

        await Transfers(Destination).AcceptTransferAsync(new AcceptTransferRequest { Name = transfer.Name, Etag = transfer.Etag });

        Assert.Equal(before + 1, await EntriesAsync(transfer.Client));
        var latest = (await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client })).Accesses
            .First(a => a.Method != ListClientAccessMethod);
        Assert.Equal(("/deinst.v1.TransferService/AcceptTransfer", AccessOutcome.Written), (latest.Method, latest.Outcome));
    }

    [Fact]
    public async Task ListClientAccess_ByTheResponsibleMunicipality_IsAnsweredAndItselfLogged()
    {
        var transfer = await TransferClient.HandOverAsync(_gateway, Source, TransferRequests.Valid(), complete: false);

        var first = await Audit(Destination).ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client });
        var second = await Audit(Destination).ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client });

        Assert.Equal(first.Accesses.Count + 1, second.Accesses.Count);
        Assert.Equal(("/deinst.v1.AuditService/ListClientAccess", Purposes.DataSubjectRequest), (second.Accesses[0].Method, second.Accesses[0].Purpose));
    }

    [Fact]
    public async Task ListClientAccess_ByAnotherMunicipality_IsNotFound_ByARegion_IsPermissionDenied()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());

        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Audit("mun-riga").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Audit("pr-zemgale").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client }).ResponseAsync);
    }

    [Fact]
    public async Task ListClientAccess_ByTheDestinationOfASubmittedTransferOnly_IsNotFoundAndLoggedAsRefused()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());

        await RpcAssert.FailsWith(StatusCode.NotFound,
            () => Audit(Destination).ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client }).ResponseAsync);

        var latest = (await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client })).Accesses[0];
        Assert.Equal(("institutions/" + Destination, "/deinst.v1.AuditService/ListClientAccess", AccessOutcome.Refused), (latest.Institution, latest.Method, latest.Outcome));
    }

    [Fact]
    public async Task ListClientAccess_PagedByTwo_WalksEveryEntryNewestFirst()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());
        for (var i = 0; i < 4; i++)
        {
            await Transfers(Destination).GetTransferAsync(new GetTransferRequest { Name = transfer.Name });
        }

        var all = (await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client, PageSize = 100 })).Accesses;
        var paged = new List<long>();
        var token = "";
        do
        {
            var page = await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client, PageSize = 2, PageToken = token });
            paged.AddRange(page.Accesses.Select(a => a.Position));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        // The paged walk logs itself after its first page, so it may see one entry the full read did not.
        Assert.Equal(all.Select(a => a.Position), paged.Where(p => p <= all[0].Position));
        Assert.Equal(paged.OrderDescending(), paged);
    }

    [Fact]
    public async Task Reads_ManyAtOnce_AreAllLoggedAndTheChainStaysIntact()
    {
        var transfer = await TransferClient.CreateAsync(_gateway, Source, TransferRequests.Valid());
        var before = await EntriesAsync(transfer.Client);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Transfers(Destination).GetTransferAsync(new GetTransferRequest { Name = transfer.Name }).ResponseAsync));

        Assert.Equal(before + 40, await EntriesAsync(transfer.Client));
        var verdict = await Audit("lm").VerifyAuditLogAsync(new VerifyAuditLogRequest());
        Assert.True(verdict.Intact, verdict.Problem);
    }

    [Fact]
    public async Task ListTransfers_APageOfTwo_LogsOneReadPerClientOnThePage()
    {
        var created = new List<Transfer>();
        for (var i = 0; i < 2; i++)
        {
            created.Add(await TransferClient.CreateAsync(_gateway, "vsac-latgale-kalkuni", TransferRequests.Valid("vsac-latgale-kalkuni", "mun-ludza")));
        }

        var counts = await Task.WhenAll(created.Select(t => EntriesAsync(t.Client)));

        await Transfers("mun-ludza").ListTransfersAsync(new ListTransfersRequest { PageSize = 2 });

        Assert.Equal(counts.Select(c => c + 1), await Task.WhenAll(created.Select(t => EntriesAsync(t.Client))));
    }

    private async Task<int> EntriesAsync(string client) =>
        (await Audit("lm").ListClientAccessAsync(new ListClientAccessRequest { Parent = client, PageSize = 1000 })).Accesses.Count(a => a.Method != ListClientAccessMethod);

    private static Metadata Purpose(string purpose) => new() { { AccessControlInterceptor.PurposeHeader, purpose } };

    private TransferService.TransferServiceClient Transfers(string caller) => new(_gateway.ChannelFor(caller));

    private AuditService.AuditServiceClient Audit(string caller) => new(_gateway.ChannelFor(caller));
}
