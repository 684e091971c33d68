using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;
using DeinstGateway.Persistence;
using DeinstGateway.Server.Hosting;

namespace DeinstGateway.Server.Audit;

/// <summary>
/// <c>verify-audit-log [--checkpoint=FILE] [--write-checkpoint=FILE] [--Database:…=…]</c>: checks
/// the access log's chain in the configured database with the configured access-log key, without
/// starting the gateway, for an auditor working on a copy of the database. <c>--checkpoint</c>
/// also checks the log still holds the entry of a checkpoint written before; <c>--write-checkpoint</c>
/// writes the checkpoint of an intact log, to keep outside the database for the next run.
/// Exit code 0 when intact, 2 when broken (the first broken position is printed), 1 on error.
/// </summary>
public static class VerifyAuditLogCommand
{
    public const string Name = "verify-audit-log";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var builder = GatewayApplication.CreateBuilder(args[1..]);
        var readFrom = builder.Configuration["checkpoint"];
        var writeTo = builder.Configuration["write-checkpoint"];
        ChainVerdict verdict;
        try
        {
            builder.Services.AddPersistence(builder.Configuration);
            builder.Services.AddAccessLogChain(builder.Configuration, mayCreate: false);
            await using var app = builder.Build();
            var checkpoint = readFrom is null ? null : await File.ReadAllTextAsync(readFrom);
            verdict = await app.Services.GetRequiredService<AccessLogChain>().VerifyAsync(
                app.Services.GetRequiredService<IAccessLog>().ReadAllAsync(CancellationToken.None), checkpoint, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or ValidationException)
        {
            await output.WriteLineAsync($"Cannot verify the access log: {e.Message}");
            return 1;
        }

        if (!verdict.Intact)
        {
            await output.WriteLineAsync(
                $"Access log BROKEN at position {verdict.FirstBrokenPosition}: {verdict.Problem} ({verdict.VerifiedEntries} entries verified before it).");
            return 2;
        }

        await output.WriteLineAsync($"Access log intact: {verdict.VerifiedEntries} entries verified{(readFrom is null ? "" : ", the checkpoint included")}.");
        if (writeTo is not null)
        {
            await File.WriteAllTextAsync(writeTo, verdict.Checkpoint + Environment.NewLine);
            await output.WriteLineAsync($"Checkpoint of position {verdict.VerifiedEntries} written to {writeTo}.");
        }

        return 0;
    }
}
