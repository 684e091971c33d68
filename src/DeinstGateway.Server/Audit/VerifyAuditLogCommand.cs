using DeinstGateway.Core.Audit;
using DeinstGateway.Persistence;
using DeinstGateway.Server.Hosting;

namespace DeinstGateway.Server.Audit;

/// <summary>
/// <c>verify-audit-log [--Database:…=…]</c>: checks the access log's hash chain in the configured
/// database without starting the gateway, for an auditor working on a copy of the database.
/// Exit code 0 when intact, 2 when broken (the first broken position is printed), 1 on error.
/// </summary>
public static class VerifyAuditLogCommand
{
    public const string Name = "verify-audit-log";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var builder = GatewayApplication.CreateBuilder(args[1..]);
        builder.Services.AddPersistence(builder.Configuration);
        await using var app = builder.Build();
        var verdict = await AccessLogChain.VerifyAsync(
            app.Services.GetRequiredService<IAccessLog>().ReadAllAsync(CancellationToken.None), CancellationToken.None);
        if (verdict.Intact)
        {
            await output.WriteLineAsync($"Access log intact: {verdict.VerifiedEntries} entries verified.");
            return 0;
        }

        await output.WriteLineAsync(
            $"Access log BROKEN at position {verdict.FirstBrokenPosition}: {verdict.Problem} ({verdict.VerifiedEntries} entries verified before it).");
        return 2;
    }
}
