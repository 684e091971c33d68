using System.CommandLine;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Import;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Cli.Commands;

/// <summary><c>deinst records import FILE</c>: service records through RecordServiceBatches.</summary>
public static class RecordsCommand
{
    private const int BatchSize = 1000;

    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("file") { Description = "A CSV file (with a header line) or a JSON Lines file (.jsonl) of delivered services; the columns are described in docs/cli.md of the DeinstGateway repository." };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write the rows that were not taken; by default beside the file, as NAME.rejects.csv or .jsonl." };
        var import = new Command(
            "import",
            "Records the services your municipality or provider delivered, listed in a file. Each row is checked against the programme's rules; "
            + "rows that break one go to a rejects file with the reason. Importing the same file again counts nothing twice.")
        {
            file, rejects,
        };
        import.WithSession(environment, "service-delivery", async (session, parse, cancellationToken) =>
        {
            var rows = RowFile.Open(parse.GetValue(file)!);
            var run = new ImportRun(rows, parse.GetValue(rejects), "accepted");
            await run.RunAsync(environment, () => ImportAsync(session, run, cancellationToken));
            return run.Finish(environment, session.Output);
        });
        return new Command("records", "Records of services delivered to clients.") { import };
    }

    /// <summary>
    /// Sends the rows in batches of 1,000 on one stream; the gateway answers once at the end with
    /// the counts and the first 100 rejected records, matched back to their rows by request id.
    /// </summary>
    private static async Task ImportAsync(Session session, ImportRun run, CancellationToken stop)
    {
        var client = new ServiceRecordService.ServiceRecordServiceClient(session.Invoker);
        using var call = client.RecordServiceBatches();
        var byRequestId = new Dictionary<string, SourceRow>(StringComparer.Ordinal);
        var batch = new RecordServiceBatch();
        foreach (var (row, request) in run.Messages(RecordRows.Read, stop))
        {
            byRequestId.TryAdd(request.RequestId, row);
            batch.Records.Add(request);
            if (batch.Records.Count == BatchSize)
            {
                await call.RequestStream.WriteAsync(batch, CancellationToken.None);
                batch = new RecordServiceBatch();
            }
        }

        if (batch.Records.Count > 0)
        {
            await call.RequestStream.WriteAsync(batch, CancellationToken.None);
        }

        await call.RequestStream.CompleteAsync();
        var answer = await call.ResponseAsync;
        run.CountTaken(answer.Accepted);
        run.CountDuplicate(answer.Duplicate);
        foreach (var rejection in answer.Rejections)
        {
            var row = byRequestId.GetValueOrDefault(rejection.RequestId) ?? new SourceRow(0, new Dictionary<string, string> { ["request_id"] = rejection.RequestId });
            run.NotTaken(row, conflict: false, rejection.Reasons.Select(r => $"{r.Code}: {r.Description}"));
        }

        run.CountRejectedUnnamed(answer.Rejected - answer.Rejections.Count);
    }
}
