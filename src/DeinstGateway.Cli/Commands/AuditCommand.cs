using System.CommandLine;
using System.Globalization;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst audit who-viewed|verify</c>: the access log of personal data.</summary>
public static class AuditCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var client = new Argument<string>("client") { Description = "The client's id, as `clients lookup` shows it." };
        var whoViewed = new Command("who-viewed", "Lists who looked at or changed a person's data, when and why, newest first — to answer the person's own request.") { client };
        whoViewed.WithSession(environment, "data-subject-request", async (session, parse, cancellationToken) =>
        {
            var audit = new AuditService.AuditServiceClient(session.Invoker);
            var request = new ListClientAccessRequest { Parent = Names.Resource("clients", parse.GetValue(client)!), PageSize = 1000 };
            var table = new ResultTable("Access to the client's data", "position", "time", "institution", "purpose", "what", "call");
            do
            {
                var page = await audit.ListClientAccessAsync(request, cancellationToken: cancellationToken);
                foreach (var access in page.Accesses)
                {
                    table.Add(access, access.Position.ToString(CultureInfo.InvariantCulture), Names.Time(access.AccessTime), Names.Id(access.Institution),
                        access.Purpose, Names.Words(access.Outcome), access.Method);
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0);

            table.Write(environment, session.Output);
            return ExitCodes.Ok;
        });

        var checkpoint = new Option<string?>("--checkpoint") { Description = "The checkpoint an earlier verify printed: also proves no newer entries were removed since." };
        var verify = new Command("verify", "Checks that no entry of the access log was changed, removed or inserted (the ministry).") { checkpoint };
        verify.WithSession(environment, null, async (session, parse, cancellationToken) =>
        {
            var answer = await new AuditService.AuditServiceClient(session.Invoker)
                .VerifyAuditLogAsync(new VerifyAuditLogRequest { Checkpoint = parse.GetValue(checkpoint) ?? string.Empty }, cancellationToken: cancellationToken);
            var table = new ResultTable("Access log", "intact", "entries checked", "first broken", "problem", "checkpoint");
            table.Add(answer, answer.Intact ? "yes" : "NO", answer.VerifiedEntries.ToString(CultureInfo.InvariantCulture),
                answer.FirstBrokenPosition == 0 ? string.Empty : answer.FirstBrokenPosition.ToString(CultureInfo.InvariantCulture), answer.Problem, answer.Checkpoint);
            table.Write(environment, session.Output, single: true);
            return answer.Intact ? ExitCodes.Ok : ExitCodes.Refused;
        });

        return new Command("audit", "Who accessed a person's data, and whether the access log is intact.") { whoViewed, verify };
    }
}
