using System.Net;
using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Rest;

/// <summary>
/// Representative REST/JSON calls beside the same gRPC calls: the HTTP status of the gRPC code and
/// the same google.rpc status with its details, the same answer when served, the same purposes and
/// access log.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class RestCallTests(GatewayFixture fixture)
{
    private const string Branch = "vsac-zemgale-jelgava";
    private const string Destination = "mun-jelgava";
    private static readonly string Reading = DeclaredPurposeInterceptor.PurposeFor(Rpcs.GetTransfer, Core.Registry.InstitutionKind.Municipality)!;

    private GatewayProcess Gateway => fixture.Gateway;

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task GetInstitution_Known_AnswersAsGrpc(string version)
    {
        using var rest = RestClient.For(Gateway, Destination, Version.Parse(version));

        var answer = await rest.GetAsync("/v1/institutions/mun-madona");

        Assert.Equal(await Registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-madona" }), answer.As<Institution>());
    }

    [Fact]
    public async Task GetInstitution_Unknown_IsNotFoundWithResourceInfoAsOverGrpc()
    {
        using var rest = RestClient.For(Gateway, Destination, RestClient.Http11);

        var answer = await rest.GetAsync("/v1/institutions/mun-nowhere");
        var grpc = await RpcAssert.FailsWith(StatusCode.NotFound, () => Registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/mun-nowhere" }).ResponseAsync);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(grpc, answer.Error());
        Assert.NotNull(answer.Error().GetDetail<ResourceInfo>());
    }

    [Fact]
    public async Task ListInstitutions_PageTokenNotIssued_IsInvalidArgumentNamingTheFieldAsOverGrpc()
    {
        using var rest = RestClient.For(Gateway, Destination, RestClient.Http2);

        var answer = await rest.GetAsync("/v1/institutions?pageToken=not-a-token&kind=INSTITUTION_KIND_MUNICIPALITY");
        var grpc = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Registry.ListInstitutionsAsync(
            new ListInstitutionsRequest { PageToken = "not-a-token", Kind = InstitutionKind.Municipality }).ResponseAsync);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(grpc, answer.Error());
        Assert.Contains(answer.Error().GetDetail<BadRequest>().FieldViolations, v => v.Field == "page_token");
    }

    [Fact]
    public async Task GetTransfer_WithPurpose_AnswersAsGrpcAndIsInThePersonsAccessLog()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        using var rest = RestClient.For(Gateway, Destination, RestClient.Http11);
        var before = await ReadsAsync(transfer.Client);

        var answer = await rest.GetAsync("/v1/" + transfer.Name, Reading);
        var after = await ReadsAsync(transfer.Client);

        var grpc = await Transfers.GetTransferAsync(new GetTransferRequest { Name = transfer.Name });
        Assert.Equal(grpc, answer.As<Transfer>());
        Assert.Equal(transfer.Person.PersonalCode, answer.As<Transfer>().Person.PersonalCode);
        var entry = Assert.Single(after.Except(before));
        Assert.Equal(("institutions/" + Destination, Rpcs.GetTransfer, Reading, AccessOutcome.Read), (entry.Institution, entry.Method, entry.Purpose, entry.Outcome));
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task GetTransfer_WithoutPurpose_IsPermissionDeniedAsOverGrpc(string version)
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        using var rest = RestClient.For(Gateway, Destination, Version.Parse(version));
        var bare = new TransferService.TransferServiceClient(Gateway.ChannelWith(TestPki.Instance.ClientCertificate(Destination)));

        var answer = await rest.GetAsync("/v1/" + transfer.Name);
        var grpc = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => bare.GetTransferAsync(new GetTransferRequest { Name = transfer.Name }).ResponseAsync);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(grpc, answer.Error());
        Assert.Equal(AccessMatrix.PurposeMissing, answer.Error().GetDetail<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task CompleteTransfer_StillSubmitted_IsFailedPreconditionAsOverGrpc()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        using var rest = RestClient.For(Gateway, Destination, RestClient.Http2);

        var answer = await rest.PostAsync($"/v1/{transfer.Name}:complete", Body(new CompleteTransferRequest { Etag = transfer.Etag }), Reading);
        var grpc = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Transfers.CompleteTransferAsync(
            new CompleteTransferRequest { Name = transfer.Name, Etag = transfer.Etag }).ResponseAsync);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(grpc, answer.Error());
        Assert.NotNull(answer.Error().GetDetail<PreconditionFailure>());
    }

    [Fact]
    public async Task AcceptTransfer_StaleEtagThenCurrent_IsConflictThenAccepted()
    {
        var transfer = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        using var rest = RestClient.For(Gateway, Destination, RestClient.Http11);

        var stale = await rest.PostAsync($"/v1/{transfer.Name}:accept", """{"etag":"stale"}""", Reading);
        var accepted = await rest.PostAsync($"/v1/{transfer.Name}:accept", Body(new AcceptTransferRequest { Etag = transfer.Etag }), Reading);

        Assert.Equal((HttpStatusCode.Conflict, (int)StatusCode.Aborted, "ETAG_MISMATCH"), (stale.Status, stale.Error().Code, stale.Error().GetDetail<ErrorInfo>().Reason));
        Assert.Equal(TransferState.Accepted, accepted.As<Transfer>().State);
    }

    [Fact]
    public async Task AcceptTransfer_BodyNamingAnotherTransfer_ActsOnThePathsTransferOnly()
    {
        var inPath = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        var inBody = await TransferClient.CreateAsync(Gateway, Branch, TransferRequests.Valid());
        using var rest = RestClient.For(Gateway, Destination, RestClient.Http2);

        var answer = await rest.PostAsync($"/v1/{inPath.Name}:accept", Body(new AcceptTransferRequest { Name = inBody.Name, Etag = inPath.Etag }), Reading);

        Assert.Equal((inPath.Name, TransferState.Accepted), (answer.As<Transfer>().Name, answer.As<Transfer>().State));
        Assert.Equal(TransferState.Submitted, (await Transfers.GetTransferAsync(new GetTransferRequest { Name = inBody.Name })).State);
    }

    private static string Body(Google.Protobuf.IMessage request) => Google.Protobuf.JsonFormatter.Default.Format(request);

    private RegistryService.RegistryServiceClient Registry => new(Gateway.ChannelFor(Destination));

    private TransferService.TransferServiceClient Transfers => new(Gateway.ChannelFor(Destination));

    private async Task<List<ClientAccess>> ReadsAsync(string client) =>
        [.. (await new AuditService.AuditServiceClient(Gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = client, PageSize = 1000 })).Accesses.Where(a => a.Method == Rpcs.GetTransfer)];
}
