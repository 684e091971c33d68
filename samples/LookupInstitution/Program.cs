using Deinst.V1;
using DeinstGateway.Client;
using Microsoft.Extensions.DependencyInjection;

namespace LookupInstitution;

/// <summary>
/// <c>LookupInstitution GATEWAY CERT KEY CA CODE</c>: prints the institution's code, kind and
/// name, one per line. An institution's system references DeinstGateway.Client and does the same.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length != 5)
        {
            await output.WriteLineAsync("usage: LookupInstitution GATEWAY-URL CERT.pem KEY.pem CA.pem INSTITUTION-CODE");
            return 2;
        }

        var services = new ServiceCollection();
        services.AddDeinstGatewayClient<RegistryService.RegistryServiceClient>(new GatewayConnection
        {
            Address = new Uri(args[0]),
            CertificatePath = args[1],
            KeyPath = args[2],
            CaPath = args[3],
        });
        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<RegistryService.RegistryServiceClient>();

        var institution = await registry.GetInstitutionAsync(new GetInstitutionRequest { Name = "institutions/" + args[4] });
        await output.WriteLineAsync(institution.Code);
        await output.WriteLineAsync(institution.Kind.ToString());
        await output.WriteLineAsync(institution.DisplayName);
        return 0;
    }
}
