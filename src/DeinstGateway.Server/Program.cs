using DeinstGateway.Server.Audit;
using DeinstGateway.Server.Clients;
using DeinstGateway.Server.Health;
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

if (CheckHealthCommand.Matches(args))
{
    return await CheckHealthCommand.RunAsync(args, Console.Out);
}

if (VerifyAuditLogCommand.Matches(args))
{
    return await VerifyAuditLogCommand.RunAsync(args, Console.Out);
}

WebApplication app;
try
{
    app = await GatewayApplication.BuildAsync(args);
}
catch (InvalidOperationException refusal)
{
    // A refusal to start names the setting to change; a stack trace would only bury it.
    await Console.Error.WriteLineAsync(refusal.Message);
    return 1;
}

await using (app)
{
    await app.RunAsync();
}

return 0;
