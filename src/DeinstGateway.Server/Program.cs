using DeinstGateway.Server.Audit;
using DeinstGateway.Server.Hosting;
using DeinstGateway.Server.Identity;

if (DevelopmentCertificatesCommand.Matches(args))
{
    return DevelopmentCertificatesCommand.Run(args);
}

if (VerifyAuditLogCommand.Matches(args))
{
    return await VerifyAuditLogCommand.RunAsync(args, Console.Out);
}

await using var app = await GatewayApplication.BuildAsync(args);
await app.RunAsync();
return 0;
