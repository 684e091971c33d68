using DeinstGateway.Core.Access;
using DeinstGateway.Server.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>Calls carrying personal data name an allowed purpose in <c>x-deinst-purpose</c>; others need none.</summary>
public sealed class DeclaredPurposeTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData(null, "PURPOSE_MISSING")]
    [InlineData("", "PURPOSE_MISSING")]
    [InlineData(Purposes.Supervision, "PURPOSE_NOT_ALLOWED")]
    [InlineData("curiosity", "PURPOSE_NOT_ALLOWED")]
    public async Task ListTransfers_ByAMunicipalityWithoutAnAllowedPurpose_IsPermissionDeniedWithTheReason(string? purpose, string reason)
    {
        var client = new TransferService.TransferServiceClient(fixture.Gateway.ChannelWith(TestPki.Instance.ClientCertificate("mun-jelgava")));
        var headers = purpose is null ? null : new Metadata { { AccessControlInterceptor.PurposeHeader, purpose } };

        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => client.ListTransfersAsync(new ListTransfersRequest(), headers).ResponseAsync);

        Assert.Equal(reason, status!.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>().Reason);
    }

    [Theory]
    [InlineData(Purposes.TransferHandover)]
    [InlineData(Purposes.DataSubjectRequest)]
    public async Task ListTransfers_ByAMunicipalityWithAnAllowedPurpose_IsServed(string purpose)
    {
        var transfer = await TransferClient.CreateAsync(fixture.Gateway, "vsac-zemgale-jelgava", TransferRequests.Valid());
        var client = new TransferService.TransferServiceClient(fixture.Gateway.ChannelWith(TestPki.Instance.ClientCertificate("mun-jelgava")));

        var response = await client.ListTransfersAsync(
            new ListTransfersRequest { PageSize = 1000 }, new Metadata { { AccessControlInterceptor.PurposeHeader, purpose } });

        Assert.Contains(response.Transfers, t => t.Name == transfer.Name && t.Person.PersonalCode.Length > 0);
    }

    [Fact]
    public async Task QueryCapacityAndRegistry_WithoutAPurpose_AreServed_TheyCarryNoPersonalData()
    {
        var channel = fixture.Gateway.ChannelWith(TestPki.Instance.ClientCertificate("pr-zemgale"));

        var capacity = await new CapacityService.CapacityServiceClient(channel).QueryCapacityAsync(new QueryCapacityRequest());
        var institutions = await new RegistryService.RegistryServiceClient(channel).ListInstitutionsAsync(new ListInstitutionsRequest());

        Assert.NotEmpty(capacity.Rows);
        Assert.NotEmpty(institutions.Institutions);
    }

    [Theory]
    [InlineData(Purposes.Supervision, Purposes.Supervision)]
    [InlineData("curiosity-of-a-very-long-and-made-up-purpose-that-is-no-purpose-at-all", "")]
    public async Task GetClient_WithAForeignPurpose_IsRefusedAndLoggedInThePersonsAccessLogWithAKnownPurposeOnly(string declared, string logged)
    {
        var transfer = await TransferClient.HandOverAsync(fixture.Gateway, "vsac-zemgale-jelgava", TransferRequests.Valid(), complete: false);
        var client = new ClientService.ClientServiceClient(fixture.Gateway.ChannelWith(TestPki.Instance.ClientCertificate("mun-jelgava")));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => client.GetClientAsync(
            new GetClientRequest { Name = transfer.Client }, new Metadata { { AccessControlInterceptor.PurposeHeader, declared } }).ResponseAsync);

        var latest = (await new AuditService.AuditServiceClient(fixture.Gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client })).Accesses[0];
        Assert.Equal(
            ("institutions/mun-jelgava", "/deinst.v1.ClientService/GetClient", logged, AccessOutcome.Refused),
            (latest.Institution, latest.Method, latest.Purpose, latest.Outcome));
    }

    [Fact]
    public async Task GetTransfer_WithoutAPurpose_IsRefusedAndLoggedAgainstThePersonTheTransferIsAbout()
    {
        var transfer = await TransferClient.CreateAsync(fixture.Gateway, "vsac-zemgale-jelgava", TransferRequests.Valid());
        var client = new TransferService.TransferServiceClient(fixture.Gateway.ChannelWith(TestPki.Instance.ClientCertificate("mun-jelgava")));

        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => client.GetTransferAsync(new GetTransferRequest { Name = transfer.Name }).ResponseAsync);

        var latest = (await new AuditService.AuditServiceClient(fixture.Gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = transfer.Client })).Accesses[0];
        Assert.Equal(
            ("institutions/mun-jelgava", "/deinst.v1.TransferService/GetTransfer", "", AccessOutcome.Refused),
            (latest.Institution, latest.Method, latest.Purpose, latest.Outcome));
    }
}
