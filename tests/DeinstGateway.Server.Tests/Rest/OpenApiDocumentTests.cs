using System.Net;
using System.Text.Json;
using DeinstGateway.Server.Hosting;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Rest;

/// <summary>The OpenAPI document at its stable path: every annotated route, with the protos' comments, behind the client certificate.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class OpenApiDocumentTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Document_HoldsEveryAnnotatedRouteWithItsComment()
    {
        using var rest = RestClient.For(fixture.Gateway, "siva", RestClient.Http11);

        var answer = await rest.GetAsync(GatewayOpenApi.Path);

        Assert.True(answer.Status == HttpStatusCode.OK, $"{(int)answer.Status}: {answer.Body}");
        var paths = JsonDocument.Parse(answer.Body).RootElement.GetProperty("paths");
        Assert.All(GatewayContracts.Routes, route =>
        {
            Assert.True(paths.TryGetProperty(route.OpenApiPath, out var path), $"{route} is not in the document");
            Assert.True(path.TryGetProperty(route.Verb.ToLowerInvariant(), out var operation), $"{route} has no {route.Verb} operation");
            var comment = route.Method.Declaration?.LeadingComments?.Trim();
            if (!string.IsNullOrEmpty(comment))
            {
                Assert.Contains(comment.Split('\n')[0].Trim(), operation.GetProperty("summary").GetString());
            }
        });
    }

    [Fact]
    public async Task Document_WithoutClientCertificate_IsUnauthenticated()
    {
        using var rest = new RestClient(fixture.Gateway.Address, certificate: null, RestClient.Http2);

        var answer = await rest.GetAsync(GatewayOpenApi.Path);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }
}
