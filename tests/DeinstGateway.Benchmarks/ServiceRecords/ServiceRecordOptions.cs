using System.Diagnostics.CodeAnalysis;
using DeinstGateway.Benchmarks.Infrastructure;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// The options of <c>service-records</c>: how many records per run, how many runs, whether to
/// break the gateway's database time down (which slows the run it describes), and whether the
/// client runs in this process (<c>--in-process</c>) instead of a process of its own on one core,
/// and how many records each message carries (<c>--batch N</c>: RecordServiceBatches; 1, the
/// default: RecordServices), or whether <c>nghttp</c> sends the RecordServices stream (<c>--nghttp</c>).
/// </summary>
public sealed record ServiceRecordOptions(int Count, int Runs, bool Breakdown, bool InProcess = false, int RecordsPerMessage = 1, bool Nghttp = false)
{
    public const int DefaultCount = 100_000;
    public const int DefaultRuns = 3;

    public static bool TryParse(ReadOnlySpan<string> args, out ServiceRecordOptions options, [NotNullWhen(false)] out string? error)
    {
        options = new ServiceRecordOptions(DefaultCount, DefaultRuns, Breakdown: false);
        if (!CommandLine.TryParse(args, ["--breakdown", "--in-process", "--nghttp"], ["--count", "--runs", "--batch"], out var line, out error))
        {
            return false;
        }

        var perMessage = line.Number("--batch", 1);
        if (perMessage > Server.ServiceRecords.RecordingPipeline.MaxRecordsPerMessage)
        {
            error = $"--batch may be at most {Server.ServiceRecords.RecordingPipeline.MaxRecordsPerMessage}";
            return false;
        }

        if (line.Has("--nghttp") && (line.Has("--in-process") || perMessage != 1))
        {
            error = "--nghttp sends one record per message from a process of its own: not with --in-process or --batch";
            return false;
        }

        options = new ServiceRecordOptions(
            line.Number("--count", DefaultCount), line.Number("--runs", DefaultRuns), line.Has("--breakdown"), line.Has("--in-process"), perMessage,
            line.Has("--nghttp"));
        return true;
    }
}
