using System.Security.Cryptography.X509Certificates;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Identity;

/// <summary>One call that any authenticated institution may make, to see whether a certificate gets in.</summary>
public static class CertificateProbe
{
    private static readonly GetInstitutionRequest MinistryLookup = new() { Name = "institutions/lm" };

    /// <summary>A new certificate from the test CA for the institution, unlike any other.</summary>
    public static X509Certificate2 Issue(string institutionCode) => DevelopmentCertificates.IssueClientCertificate(
        TestPki.Instance.Authority, institutionCode, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

    public static async Task AssertAcceptedAsync(GatewayProcess gateway, X509Certificate2 certificate)
    {
        using var channel = gateway.ChannelWith(certificate);

        var ministry = await new RegistryService.RegistryServiceClient(channel).GetInstitutionAsync(MinistryLookup);

        Assert.Equal(InstitutionKind.Ministry, ministry.Kind);
    }

    public static async Task AssertRejectedAsync(GatewayProcess gateway, X509Certificate2? certificate, string reason)
    {
        using var channel = gateway.ChannelWith(certificate);
        var registry = new RegistryService.RegistryServiceClient(channel);

        var exception = await Assert.ThrowsAsync<RpcException>(() => registry.GetInstitutionAsync(MinistryLookup).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
        Assert.Contains(reason, exception.Status.Detail, StringComparison.Ordinal);
    }
}
