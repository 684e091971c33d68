using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DeinstGateway.Cli.Hosting;
using DeinstGateway.Cli.Output;
using Spectre.Console;

namespace DeinstGateway.Cli.Import;

/// <summary>
/// One import of a file, as <c>transfers submit</c> and <c>records import</c> both run it: the
/// counts, the live progress bar, the summary and the rejects file.
/// </summary>
public sealed class ImportRun(RowFile file, string? rejectsPath, string takenWord)
{
    private readonly List<(SourceRow Row, string Outcome, string Reasons)> _notTaken = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _read;
    private int _sent;
    private int _taken;
    private int _duplicate;
    private int _conflict;
    private int _rejected;

    private int Answered => _taken + _duplicate + _conflict + _rejected;

    /// <summary>Set when Ctrl-C stopped the reading of the file: the last line read.</summary>
    public int? StoppedAfterLine { get; private set; }

    public string RejectsPath { get; } = rejectsPath ?? DefaultRejectsPath(file);

    public void CountTaken(int rows = 1) => Interlocked.Add(ref _taken, rows);

    public void CountDuplicate(int rows = 1) => Interlocked.Add(ref _duplicate, rows);

    /// <summary>Rejected rows the gateway counted without naming them.</summary>
    public void CountRejectedUnnamed(int rows) => Interlocked.Add(ref _rejected, rows);

    /// <summary>The row was not taken: kept for the rejects file with its reasons.</summary>
    public void NotTaken(SourceRow row, bool conflict, IEnumerable<string> reasons)
    {
        Interlocked.Increment(ref conflict ? ref _conflict : ref _rejected);
        lock (_notTaken)
        {
            _notTaken.Add((row, conflict ? "conflict" : "rejected", string.Join("; ", reasons)));
        }
    }

    /// <summary>
    /// The file's rows that make a message, in order. A row that cannot is kept as rejected with
    /// its problems; at Ctrl-C the reading stops and the last line read is remembered.
    /// </summary>
    public IEnumerable<(SourceRow Row, TMessage Message)> Messages<TMessage>(
        Func<SourceRow, (TMessage? Message, List<string> Problems)> read, CancellationToken stop)
        where TMessage : class
    {
        var lastLine = 0;
        foreach (var row in file.Rows())
        {
            if (stop.IsCancellationRequested)
            {
                StoppedAfterLine = lastLine;
                yield break;
            }

            lastLine = row.Line;
            Interlocked.Increment(ref _read);
            var (message, problems) = read(row);
            if (message is null)
            {
                NotTaken(row, conflict: false, problems);
                continue;
            }

            Interlocked.Increment(ref _sent);
            yield return (row, message);
        }
    }

    /// <summary>Runs the import with a live progress bar on an interactive terminal, silently otherwise.</summary>
    public async Task RunAsync(CliEnvironment environment, Func<Task> import)
    {
        if (!environment.Error.Profile.Capabilities.Interactive)
        {
            await import();
            return;
        }

        var total = file.CountRows();
        await environment.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(), maxValue: Math.Max(total, 1));
                var work = import();
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(250));
                    task.Value = _read;
                    task.Description = Describe();
                }

                await work;
                task.Value = task.MaxValue;
                task.Description = Describe();
            });
    }

    public string Describe()
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"sent {_sent} · {takenWord} {_taken} · duplicate {_duplicate} · conflict {_conflict} · rejected {_rejected} · {Answered / seconds:0} rows/s");
    }

    /// <summary>The summary on standard output, and the rejects file written (or an old one removed when every row was taken).</summary>
    public int Finish(CliEnvironment environment, OutputFormat format)
    {
        WriteRejects();
        var rejects = _notTaken.Count > 0 ? RejectsPath : null;
        switch (format)
        {
            case OutputFormat.Json:
                environment.OutWriter.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["file"] = file.Path,
                    ["sent"] = _sent,
                    [takenWord] = _taken,
                    ["duplicate"] = _duplicate,
                    ["conflict"] = _conflict,
                    ["rejected"] = _rejected,
                    ["rejectsFile"] = rejects,
                    ["stoppedAfterLine"] = StoppedAfterLine,
                }));
                break;
            case OutputFormat.Csv:
                environment.OutWriter.WriteLine(Csv.Line(["file", "sent", takenWord, "duplicate", "conflict", "rejected", "rejects_file", "stopped_after_line"]));
                environment.OutWriter.WriteLine(Csv.Line([
                    file.Path, .. new[] { _sent, _taken, _duplicate, _conflict, _rejected }.Select(n => n.ToString(CultureInfo.InvariantCulture)),
                    rejects ?? string.Empty, StoppedAfterLine?.ToString(CultureInfo.InvariantCulture) ?? string.Empty]));
                break;
            default:
                var table = new Table { Title = new TableTitle(Markup.Escape(Path.GetFileName(file.Path))) }.AddColumn("outcome").AddColumn(new TableColumn("rows").RightAligned());
                table.AddRow("sent", _sent.ToString(CultureInfo.InvariantCulture));
                table.AddRow($"[green]{takenWord}[/]", _taken.ToString(CultureInfo.InvariantCulture));
                table.AddRow("duplicate (sent before, not counted again)", _duplicate.ToString(CultureInfo.InvariantCulture));
                table.AddRow(_conflict > 0 ? "[yellow]conflict[/]" : "conflict", _conflict.ToString(CultureInfo.InvariantCulture));
                table.AddRow(_rejected > 0 ? "[red]rejected[/]" : "rejected", _rejected.ToString(CultureInfo.InvariantCulture));
                environment.Out.Write(table);
                if (rejects is not null)
                {
                    environment.Out.MarkupLineInterpolated($"Rows not taken, with their reasons: {rejects}. Correct them there and submit that file again.");
                }

                break;
        }

        if (StoppedAfterLine is { } line)
        {
            environment.Error.MarkupLineInterpolated(
                $"[yellow]Stopped after line {line}: {_sent} rows were sent and answered. Run the same command again to continue; rows already taken are recognised and not counted twice.[/]");
            return ExitCodes.Interrupted;
        }

        return _conflict + _rejected > 0 ? ExitCodes.SomeRowsRejected : ExitCodes.Ok;
    }

    private static string DefaultRejectsPath(RowFile file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file.Path))!, Path.GetFileNameWithoutExtension(file.Path) + ".rejects" + (file.IsJsonLines ? ".jsonl" : ".csv"));

    /// <summary>
    /// The rejected rows in the input's own format and column names, in file order, with
    /// <c>line</c>, <c>outcome</c> and <c>reasons</c> added: the file can be corrected and submitted as it is.
    /// </summary>
    private void WriteRejects()
    {
        if (_notTaken.Count == 0)
        {
            File.Delete(RejectsPath);
            return;
        }

        string[] added = ["line", "outcome", "reasons"];
        var rows = _notTaken.OrderBy(r => r.Row.Line).ToList();
        using var writer = new StreamWriter(RejectsPath);
        if (file.IsJsonLines)
        {
            foreach (var (row, outcome, reasons) in rows)
            {
                var fields = row.Fields.Where(f => !added.Contains(f.Key)).ToDictionary(f => f.Key, f => (object)f.Value);
                fields["line"] = row.Line;
                fields["outcome"] = outcome;
                fields["reasons"] = reasons;
                writer.WriteLine(JsonSerializer.Serialize(fields));
            }

            return;
        }

        var columns = rows.SelectMany(r => r.Row.Fields.Keys).Distinct().Where(c => !added.Contains(c)).ToList();
        writer.WriteLine(Csv.Line([.. columns, .. added]));
        foreach (var (row, outcome, reasons) in rows)
        {
            writer.WriteLine(Csv.Line([.. columns.Select(c => row.Fields.GetValueOrDefault(c, string.Empty)), row.Line.ToString(CultureInfo.InvariantCulture), outcome, reasons]));
        }
    }
}
