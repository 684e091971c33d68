using DeinstGateway.Server.Audit;
using DeinstGateway.Server.Clients;
using DeinstGateway.Server.Hosting;
using DeinstGateway.Server.Identity;

if (DevelopmentCertificatesCommand.Matches(args))
{
    return DevelopmentCertificatesCommand.Run(args);
}

if (PersonalDataKeyCommands.Matches(args))
{
    return await PersonalDataKeyCommands.RunAsync(args, Console.Out, Console.Error);
}

if (VerifyAuditLogCommand.Matches(args))
{
    return await VerifyAuditLogCommand.RunAsync(args, Console.Out);
}

await using var app = await GatewayApplication.BuildAsync(args);
await app.RunAsync();
return 0;
