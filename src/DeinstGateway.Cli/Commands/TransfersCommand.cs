using System.CommandLine;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst transfers …</c>: the handover of residents from care institutions to municipalities.</summary>
public static class TransfersCommand
{
    private const string Purpose = "transfer-handover";

    public static Command Create(CliEnvironment environment) => new("transfers", "Transfers of residents from care institutions into community care in a municipality.")
    {
        SubmitCommand.Create(environment),
        List(environment),
        Show(environment),
        Accept(environment),
        Reject(environment),
        Act(environment, "complete", "Records that the person has moved in (an accepted transfer becomes completed); the reserved place becomes occupied.",
            (client, t) => client.CompleteTransferAsync(new CompleteTransferRequest { Name = t.Name, Etag = t.Etag })),
        Act(environment, "cancel", "Withdraws a transfer your institution sent (submitted or accepted).",
            (client, t) => client.CancelTransferAsync(new CancelTransferRequest { Name = t.Name, Etag = t.Etag })),
        WatchCommand.Create(environment),
    };

    private static Command List(CliEnvironment environment)
    {
        var state = new Option<string?>("--state") { Description = "Only transfers in this state: " + Names.Choices<TransferState>() + "." };
        var source = new Option<string?>("--source") { Description = "Only transfers sent by this institution, e.g. vsac-zemgale." };
        var destination = new Option<string?>("--destination") { Description = "Only transfers to this municipality, e.g. mun-madona." };
        var limit = new Option<int>("--limit") { Description = "Show at most this many (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "Lists the transfers you may see, oldest first.") { state, source, destination, limit };
        return command.WithSession(environment, Purpose, async (session, parse, cancellationToken) =>
        {
            var request = new ListTransfersRequest { PageSize = Math.Clamp(parse.GetValue(limit), 1, 1000) };
            if (parse.GetValue(state) is { } s)
            {
                request.State = Names.Parse<TransferState>(s) ?? throw new UsageException($"--state must be one of {Names.Choices<TransferState>()}.");
            }

            request.Source = parse.GetValue(source) is { } from ? Names.Resource("institutions", from) : string.Empty;
            request.DestinationMunicipality = parse.GetValue(destination) is { } to ? Names.Resource("institutions", to) : string.Empty;
            var client = new TransferService.TransferServiceClient(session.Invoker);
            var table = new ResultTable("Transfers", "id", "case", "state", "source", "destination", "provider", "planned move", "updated");
            var shown = 0;
            do
            {
                var page = await client.ListTransfersAsync(request, cancellationToken: cancellationToken);
                foreach (var t in page.Transfers.Take(parse.GetValue(limit) - shown))
                {
                    table.Add(t, Names.Id(t.Name), t.CaseNumber, Names.Words(t.State), InstitutionsCommand.Code(t.Source),
                        InstitutionsCommand.Code(t.DestinationMunicipality), InstitutionsCommand.Code(t.DestinationProvider),
                        Names.Date(t.PlannedMoveDate), Names.Time(t.UpdateTime));
                    shown++;
                }

                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && shown < parse.GetValue(limit));

            table.Write(environment, session.Output);
            return ExitCodes.Ok;
        });
    }

    private static Command Show(CliEnvironment environment)
    {
        var id = IdArgument();
        var command = new Command("show", "Shows one transfer with the person, the services and every step so far.") { id };
        return command.WithSession(environment, Purpose, async (session, parse, cancellationToken) =>
        {
            var client = new TransferService.TransferServiceClient(session.Invoker);
            var transfer = await client.GetTransferAsync(new GetTransferRequest { Name = Names.Resource("transfers", parse.GetValue(id)!) }, cancellationToken: cancellationToken);
            Write(environment, session.Output, transfer);
            return ExitCodes.Ok;
        });
    }

    private static Command Accept(CliEnvironment environment)
    {
        var provider = new Option<string?>("--provider") { Description = "The provider that takes the person in, if not the one the sender proposed." };
        return Act(environment, "accept", "Your municipality takes the person in (a submitted transfer becomes accepted); a place is reserved at the provider.",
            (client, t) => client.AcceptTransferAsync(new AcceptTransferRequest
            {
                Name = t.Name,
                Etag = t.Etag,
                DestinationProvider = t.Provider is { } p ? Names.Resource("institutions", p) : string.Empty,
            }),
            provider);
    }

    private static Command Reject(CliEnvironment environment)
    {
        var reason = new Option<string>("--reason")
        {
            Description = "Why: " + Names.Choices<RejectionReason>() + ".",
            Required = true,
        };
        return Act(environment, "reject", "Your municipality declines the transfer, with a reason.",
            (client, t) => client.RejectTransferAsync(new RejectTransferRequest
            {
                Name = t.Name,
                Etag = t.Etag,
                Reason = Names.Parse<RejectionReason>(t.Reason!) ?? throw new UsageException($"--reason must be one of {Names.Choices<RejectionReason>()}."),
            }),
            reason: reason);
    }

    /// <summary>
    /// Reads the transfer, then acts on the version read (its etag), so that nobody has to handle
    /// etags; when someone changed it in between, says what it is now and changes nothing.
    /// </summary>
    private static Command Act(
        CliEnvironment environment, string name, string description,
        Func<TransferService.TransferServiceClient, Target, AsyncUnaryCall<Transfer>> act,
        Option<string?>? provider = null, Option<string>? reason = null)
    {
        var id = IdArgument();
        var command = new Command(name, description) { id };
        if (provider is not null)
        {
            command.Options.Add(provider);
        }

        if (reason is not null)
        {
            command.Options.Add(reason);
        }

        return command.WithSession(environment, Purpose, async (session, parse, cancellationToken) =>
        {
            var client = new TransferService.TransferServiceClient(session.Invoker);
            var read = new GetTransferRequest { Name = Names.Resource("transfers", parse.GetValue(id)!) };
            var current = await client.GetTransferAsync(read, cancellationToken: cancellationToken);
            var target = new Target(current.Name, current.Etag, provider is null ? null : parse.GetValue(provider), reason is null ? null : parse.GetValue(reason));
            try
            {
                Write(environment, session.Output, await act(client, target));
                return ExitCodes.Ok;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Aborted)
            {
                var now = await client.GetTransferAsync(read, cancellationToken: cancellationToken);
                var last = now.History.LastOrDefault();
                throw new ChangedMeanwhileException(
                    $"Nothing was done: the transfer changed after it was read. It is now {Names.Words(now.State)}"
                    + (last is null ? "." : $", changed by {InstitutionsCommand.Code(last.Actor)} at {Names.Time(last.Time)}.")
                    + $" Look at it with `deinst transfers show {Names.Id(now.Name)}` and decide again.");
            }
        });
    }

    private static Argument<string> IdArgument() => new("id") { Description = "The transfer's id, as `transfers list` shows it." };

    private static void Write(CliEnvironment environment, OutputFormat output, Transfer t)
    {
        var table = new ResultTable($"Transfer {Names.Id(t.Name)}", "id", "case", "state", "person", "personal code", "born", "target group", "source",
            "destination", "provider", "services", "planned move", "support plan", "history");
        table.Add(t, Names.Id(t.Name), t.CaseNumber, Names.Words(t.State), $"{t.Person?.GivenName} {t.Person?.FamilyName}".Trim(), t.Person?.PersonalCode ?? string.Empty,
            Names.Date(t.Person?.BirthDate), Names.Words(t.TargetGroup), InstitutionsCommand.Code(t.Source), InstitutionsCommand.Code(t.DestinationMunicipality),
            InstitutionsCommand.Code(t.DestinationProvider), string.Join(" ", t.RequestedServices.Select(Names.Words)), Names.Date(t.PlannedMoveDate),
            t.SupportPlanReference,
            string.Join("; ", t.History.Select(h => $"{Names.Time(h.Time)} {Names.Words(h.ToState)} by {InstitutionsCommand.Code(h.Actor)}")));
        table.Write(environment, output, single: true);
    }

    /// <summary>The transfer as read, and what the user asked to do with it.</summary>
    private sealed record Target(string Name, string Etag, string? Provider, string? Reason);
}
