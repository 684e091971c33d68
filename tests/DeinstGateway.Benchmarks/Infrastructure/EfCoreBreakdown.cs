using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// With <c>--breakdown</c>: where the gateway's database time goes, from EF Core's diagnostic
/// events (SaveChanges, each command with its reader, commits, query compilations). Listening makes
/// EF Core build an event object per command, so a run with a breakdown is slower than one without:
/// read its shares, not its throughput.
/// </summary>
public sealed class EfCoreBreakdown : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly HashSet<string> Events =
    [
        CoreEventId.SaveChangesStarting.Name!,
        CoreEventId.SaveChangesCompleted.Name!,
        CoreEventId.QueryCompilationStarting.Name!,
        RelationalEventId.CommandExecuted.Name!,
        RelationalEventId.DataReaderDisposing.Name!,
        RelationalEventId.TransactionCommitted.Name!,
    ];

    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<object, long> _saveChangesStarted = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, Tally> _commands = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _saveChangesTicks;
    private int _saveChanges;
    private long _commitTicks;
    private int _commits;
    private int _compilations;

    private EfCoreBreakdown() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    public static EfCoreBreakdown Start() => new();

    public string Describe(TimeSpan wall)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        string Share(TimeSpan t) => (100 * t.TotalSeconds / wall.TotalSeconds).ToString("F1", invariant) + " %";
        text.Append(invariant, $"SaveChanges ×{_saveChanges} {Share(Stopwatch.GetElapsedTime(0, _saveChangesTicks))} of wall; ");
        text.Append(invariant, $"commits ×{_commits} {Share(Stopwatch.GetElapsedTime(0, _commitTicks))}; ");
        text.Append(invariant, $"query compilations ×{_compilations}; commands (execute + reader):");
        foreach (var (kind, tally) in _commands.OrderByDescending(c => c.Value.Ticks))
        {
            text.Append(invariant, $" {kind} ×{tally.Count} {Share(Stopwatch.GetElapsedTime(0, tally.Ticks))},");
        }

        return text.ToString().TrimEnd(',');
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_gate)
            {
                _subscriptions.Add(listener.Subscribe(this, name => Events.Contains(name)));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case SaveChangesCompletedEventData completed when _saveChangesStarted.TryRemove(completed.Context!, out var started):
                Interlocked.Add(ref _saveChangesTicks, Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref _saveChanges);
                break;
            case DbContextEventData starting when value.Key == CoreEventId.SaveChangesStarting.Name:
                _saveChangesStarted[starting.Context!] = Stopwatch.GetTimestamp();
                break;
            case CommandExecutedEventData executed:
                Add(Kind(executed.Command.CommandText), executed.Duration, 1);
                break;
            case DataReaderDisposingEventData reader:
                Add(Kind(reader.Command.CommandText), reader.Duration, 0);
                break;
            case TransactionEndEventData committed:
                Interlocked.Add(ref _commitTicks, Ticks(committed.Duration));
                Interlocked.Increment(ref _commits);
                break;
            case EventData when value.Key == CoreEventId.QueryCompilationStarting.Name:
                Interlocked.Increment(ref _compilations);
                break;
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private void Add(string kind, TimeSpan duration, int count)
    {
        var tally = _commands.GetOrAdd(kind, _ => new Tally());
        Interlocked.Add(ref tally.Ticks, Ticks(duration));
        Interlocked.Add(ref tally.Count, count);
    }

    /// <summary>The statement and its table, e.g. <c>INSERT transfers</c>, <c>SELECT transfers</c>.</summary>
    private static string Kind(string sql)
    {
        var words = sql.Split([' ', '\n', '\r', '\t', '"', '(', ','], StringSplitOptions.RemoveEmptyEntries);
        var verb = words.FirstOrDefault(w => w is "SELECT" or "INSERT" or "UPDATE" or "DELETE") ?? words.FirstOrDefault() ?? "?";
        var from = Array.FindIndex(words, w => w is "FROM" or "INTO" or "UPDATE");
        return from >= 0 && from + 1 < words.Length ? verb + " " + words[from + 1] : verb;
    }

    private static long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);

    private sealed class Tally
    {
        public long Ticks;
        public int Count;
    }
}
