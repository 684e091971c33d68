using System.Collections.Concurrent;
using System.CommandLine;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Import;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst transfers submit FILE</c>: a file of transfers streamed through SubmitTransfers.</summary>
public static class SubmitCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("file") { Description = "A CSV file (with a header line) or a JSON Lines file (.jsonl) of transfers; the columns are described in docs/cli.md of the DeinstGateway repository." };
        var source = new Option<string?>("--source") { Description = "Your institution's code, for rows whose source column is empty." };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write the rows that were not taken; by default beside the file, as NAME.rejects.csv or .jsonl." };
        var command = new Command(
            "submit",
            "Sends the transfers of residents listed in a file. Shows progress, then how many were created, sent before, in conflict or rejected. "
            + "Rows that were not taken go to a rejects file with the reason. Running the same file again never creates a transfer twice. "
            + "Ctrl-C stops after the rows already sent are answered.")
        {
            file, source, rejects,
        };
        return command.WithSession(environment, "transfer-handover", async (session, parse, cancellationToken) =>
        {
            var rows = RowFile.Open(parse.GetValue(file)!);
            var run = new ImportRun(rows, parse.GetValue(rejects), "created");
            await run.RunAsync(environment, () => SubmitAsync(session, run, parse.GetValue(source), cancellationToken));
            return run.Finish(environment, session.Output);
        });
    }

    /// <summary>
    /// Sends row after row and matches each answer to its row by order (the gateway answers every
    /// message, in order). Ctrl-C stops the sending only: the stream is completed so that every
    /// row sent is still answered and counted.
    /// </summary>
    private static async Task SubmitAsync(Session session, ImportRun run, string? defaultSource, CancellationToken stop)
    {
        var client = new TransferService.TransferServiceClient(session.Invoker);
        using var call = client.SubmitTransfers();
        var sent = new ConcurrentQueue<SourceRow>();
        var answers = ReadAnswersAsync(call.ResponseStream, sent, run);
        try
        {
            foreach (var (row, request) in run.Messages(r => TransferRows.Read(r, defaultSource), stop))
            {
                sent.Enqueue(row);
                await call.RequestStream.WriteAsync(request, CancellationToken.None);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The gateway ended the call (a refusal, a limit): its status comes with the answers.
        }

        await answers;
    }

    private static async Task ReadAnswersAsync(IAsyncStreamReader<SubmitTransferResponse> answers, ConcurrentQueue<SourceRow> sent, ImportRun run)
    {
        await foreach (var answer in answers.ReadAllAsync())
        {
            if (!sent.TryDequeue(out var row))
            {
                throw new InvalidOperationException("The gateway answered more messages than were sent.");
            }

            switch (answer.Outcome)
            {
                case SubmitOutcome.Created:
                    run.CountTaken();
                    break;
                case SubmitOutcome.Duplicate:
                    run.CountDuplicate();
                    break;
                case SubmitOutcome.Conflict:
                    run.NotTaken(row, conflict: true, [answer.Error?.Message ?? "in conflict with an earlier submission"]);
                    break;
                default:
                    var fields = Problems.FieldProblems(answer.Error).ToList();
                    run.NotTaken(row, conflict: false, fields.Count > 0 ? fields : [answer.Error?.Message ?? "rejected by the gateway"]);
                    break;
            }
        }
    }
}
