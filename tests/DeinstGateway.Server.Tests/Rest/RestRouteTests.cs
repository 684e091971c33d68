using System.Net;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Tests.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Rest;

/// <summary>
/// Every route of the protos' <c>google.api.http</c> annotations, over HTTP/1.1 and HTTP/2: it is
/// mapped, reaches the method through the same interceptors as gRPC, and answers what gRPC answers
/// for the same request, refusals with the same google.rpc status and details.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class RestRouteTests(GatewayFixture fixture)
{
    private const string SampleId = "00000000-0000-4000-8000-000000000000";

    public static TheoryData<string, string> RoutesByVersion()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in GatewayContracts.Routes)
        {
            data.Add(route.GrpcMethod, "1.1");
            data.Add(route.GrpcMethod, "2.0");
        }

        return data;
    }

    [Fact]
    public void Routes_CoverEveryUnaryMethod()
    {
        var unary = GatewayContracts.Services.SelectMany(s => s.Methods).Where(m => !m.IsClientStreaming && !m.IsServerStreaming);

        Assert.Equal(unary.Select(m => m.FullName).Order(), GatewayContracts.Routes.Select(r => r.Method.FullName).Order());
    }

    [Theory]
    [MemberData(nameof(RoutesByVersion))]
    public async Task Route_AsAKindTheMatrixRefusesOrAnyKind_AnswersAsGrpcAnswers(string method, string version)
    {
        var route = GatewayContracts.Routes.Single(r => r.GrpcMethod == method);
        // A kind without a row proves the access-control interceptor ran; a call every kind may make reaches the service.
        var kind = Enum.GetValues<InstitutionKind>().Where(k => AccessMatrix.Find(method, k) is null).DefaultIfEmpty(InstitutionKind.Ministry).First();
        var caller = AccessWorld.Representative(kind);
        using var rest = RestClient.For(fixture.Gateway, caller, Version.Parse(version));

        var answer = await rest.SendAsync(new HttpMethod(route.Verb), route.Path(SampleId), route.Body.Length == 0 ? null : Json("{}"));
        var grpc = await CallGrpcAsync(caller, route);

        Assert.Equal(Version.Parse(version), answer.Version);
        if (grpc.Error is { } error)
        {
            Assert.Equal((error, (HttpStatusCode)Errors.JsonStatus.HttpStatus((StatusCode)error.Code)), (answer.Error(), answer.Status));
            Assert.True(kind == InstitutionKind.Ministry || error.Code == (int)StatusCode.PermissionDenied, $"{kind}: {error}");
        }
        else
        {
            Assert.Equal(grpc.Response, RestClient.Json.Parse(answer.Body, route.Method.OutputType));
        }
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Route_WithoutClientCertificate_IsUnauthenticated(string version)
    {
        using var rest = new RestClient(fixture.Gateway.Address, certificate: null, Version.Parse(version));

        var answer = await rest.GetAsync("/v1/institutions/lm");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal((int)StatusCode.Unauthenticated, answer.Error().Code);
        Assert.Contains("no client certificate", answer.Error().Message);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task Route_Unannotated_IsNotFound(string version)
    {
        using var rest = RestClient.For(fixture.Gateway, "lm", Version.Parse(version));

        var answer = await rest.GetAsync("/v1/transfers:watch");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<(IMessage? Response, Google.Rpc.Status? Error)> CallGrpcAsync(string caller, AnnotatedRoute route)
    {
        var descriptor = route.Method;
        var method = new Method<IMessage, IMessage>(
            MethodType.Unary,
            descriptor.Service.FullName,
            descriptor.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => descriptor.InputType.Parser.ParseFrom(b)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => descriptor.OutputType.Parser.ParseFrom(b)));
        using var channel = fixture.Gateway.ChannelWith(TestPki.Instance.ClientCertificate(caller));
        try
        {
            return (await channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, route.Request(SampleId)), null);
        }
        catch (RpcException e)
        {
            return (null, e.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)e.StatusCode, Message = e.Status.Detail });
        }
    }
}
