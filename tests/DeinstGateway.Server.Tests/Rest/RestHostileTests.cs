using System.Net;
using DeinstGateway.Server.Tests.Infrastructure;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Rest;

/// <summary>
/// Hostile REST/JSON requests: each gets a clear google.rpc status, never INTERNAL or UNKNOWN, and
/// none reaches a resource other than the one its route names.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class RestHostileTests(GatewayFixture fixture)
{
    private const string Municipality = "mun-jelgava";

    public static TheoryData<string, string, string?, StatusCode> Cases() => new()
    {
        // A field the message lacks is ignored, as gRPC ignores unknown fields, so a client of a later v1 still
        // calls: the look-up of a code nobody holds stays NOT_FOUND, with no field honoured that the contract lacks.
        { "POST", "/v1/clients:lookup", $$"""{"personalCode":"{{TransferRequests.NewPerson().Code}}","isAdmin":true,"scope":"all"}""", StatusCode.NotFound },
        { "POST", "/v1/capacity:set", """{"provider":"institutions/mun-jelgava","places":99999999999999999999}""", StatusCode.InvalidArgument },
        { "POST", "/v1/capacity:set", """{"provider":"institutions/mun-jelgava","places":1e400}""", StatusCode.InvalidArgument },
        { "GET", "/v1/institutions?pageSize=99999999999999999999", null, StatusCode.InvalidArgument },
        { "POST", "/v1/clients:lookup", """{"personalCode":""" + new string('[', 5000) + new string(']', 5000) + "}", StatusCode.InvalidArgument },
        { "POST", "/v1/clients:lookup", """{"personalCode":"010101-10000""", StatusCode.InvalidArgument },
        { "POST", "/v1/clients:lookup", "[]", StatusCode.InvalidArgument },
        // An encoded slash or dot segment stays inside the one path segment it was sent in.
        { "GET", "/v1/clients/..%2Ftransfers%2F00000000-0000-4000-8000-000000000000", null, StatusCode.InvalidArgument },
        { "GET", "/v1/institutions/mun-madona%2F..%2Flm", null, StatusCode.InvalidArgument },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_Hostile_IsRefusedWithAClearStatus(string verb, string path, string? body, StatusCode expected)
    {
        using var rest = RestClient.For(fixture.Gateway, Municipality, RestClient.Http11);

        var answer = await rest.SendAsync(new HttpMethod(verb), path, body is null ? null : RestRouteTests.Json(body), purpose: "support-planning");

        Assert.True(answer.ContentType == "application/json", $"{(int)answer.Status}: {answer.Body}");
        Assert.Equal((expected, (HttpStatusCode)Errors.JsonStatus.HttpStatus(expected)), ((StatusCode)answer.Error().Code, answer.Status));
    }

    [Fact]
    public async Task Request_DotSegmentOutOfTheResource_ResolvesBeforeRoutingToNoRoute()
    {
        using var rest = RestClient.For(fixture.Gateway, Municipality, RestClient.Http2);

        var answer = await rest.GetAsync("/v1/institutions/%2E%2E");

        Assert.Equal((HttpStatusCode.NotFound, string.Empty), (answer.Status, answer.Body));
    }
}
