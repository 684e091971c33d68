using DeinstGateway.Server.Hosting;
using DeinstGateway.Server.Identity;

if (DevelopmentCertificatesCommand.Matches(args))
{
    return DevelopmentCertificatesCommand.Run(args);
}

await using var app = await GatewayApplication.BuildAsync(args);
await app.RunAsync();
return 0;
