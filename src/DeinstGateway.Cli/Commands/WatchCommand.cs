using Spectre.Console;
using System.CommandLine;
using System.Globalization;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Deinst.V1;
using Google.Protobuf;
using Grpc.Core;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst transfers watch</c>: follows the transfer feed and remembers where it stopped.</summary>
public static class WatchCommand
{
    private const int SaveEvery = 100;

    public static Command Create(CliEnvironment environment)
    {
        var from = new Option<long?>("--from") { Description = "Start after this change number (0 = from the very first). By default where the last watch stopped." };
        var limit = new Option<int?>("--limit") { Description = "Stop after this many changes. By default it keeps watching until Ctrl-C." };
        var command = new Command(
            "watch",
            "Shows every change of the transfers you may see as it happens: new, accepted, rejected, completed, cancelled. "
            + "The next watch continues where this one stopped.")
        {
            from, limit,
        };
        return command.WithSession(environment, "transfer-handover", async (session, parse, cancellationToken) =>
        {
            var after = parse.GetValue(from) ?? session.Settings.Profile.LastTransferSequence ?? 0;
            var remaining = parse.GetValue(limit) ?? int.MaxValue;
            var saved = after;
            var client = new TransferService.TransferServiceClient(session.Invoker);
            using var call = client.WatchTransfers(new WatchTransfersRequest { AfterSequence = after }, cancellationToken: cancellationToken);
            if (session.Output == OutputFormat.Csv)
            {
                environment.OutWriter.WriteLine(Csv.Line(["sequence", "time", "transfer", "case_number", "source", "destination", "from_state", "to_state", "by"]));
            }

            try
            {
                while (remaining > 0 && await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var message = call.ResponseStream.Current;
                    if (message.KindCase == TransferEvent.KindOneofCase.Change)
                    {
                        Print(environment, session.Output, message.Change);
                        after = message.Change.Sequence;
                        remaining--;
                    }
                    else
                    {
                        after = Math.Max(after, message.Heartbeat.Sequence);
                    }

                    if (after - saved >= SaveEvery || message.KindCase == TransferEvent.KindOneofCase.Heartbeat)
                    {
                        saved = Remember(session, after);
                    }
                }
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Ctrl-C is how a watch ends.
            }
            finally
            {
                Remember(session, after);
            }

            environment.Error.MarkupLineInterpolated($"The next watch continues after change {after}.");
            return ExitCodes.Ok;
        });
    }

    private static long Remember(Session session, long sequence)
    {
        (UserProfile.Load(session.Settings.ProfilePath) with { LastTransferSequence = sequence }).Save(session.Settings.ProfilePath);
        return sequence;
    }

    private static void Print(CliEnvironment environment, OutputFormat format, TransferChange change)
    {
        string[] cells =
        [
            change.Sequence.ToString(CultureInfo.InvariantCulture), Names.Time(change.Change.Time), Names.Id(change.Transfer), change.CaseNumber,
            InstitutionsCommand.Code(change.Source), InstitutionsCommand.Code(change.DestinationMunicipality),
            change.Change.FromState == TransferState.Unspecified ? string.Empty : Names.Words(change.Change.FromState),
            Names.Words(change.Change.ToState), InstitutionsCommand.Code(change.Change.Actor),
        ];
        switch (format)
        {
            case OutputFormat.Json:
                environment.OutWriter.WriteLine(JsonFormatter.Default.Format(change));
                break;
            case OutputFormat.Csv:
                environment.OutWriter.WriteLine(Csv.Line(cells));
                break;
            default:
                var from = cells[6].Length == 0 ? "new" : cells[6];
                environment.Out.MarkupLineInterpolated(
                    $"[grey]#{cells[0]} {cells[1]}[/] {cells[2]} case [bold]{cells[3]}[/] {cells[4]} → {cells[5]}: {from} → [bold]{cells[7]}[/] by {cells[8]}");
                break;
        }
    }
}
