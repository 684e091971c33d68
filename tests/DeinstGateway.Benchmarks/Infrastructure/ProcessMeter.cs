using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// Whole-process counters around a timed phase: CPU time, GC pauses and collections, allocated
/// bytes, JIT time. Cheap to read, so reading them does not disturb the phase. They cover whatever
/// runs in the process: gateway and client together with <c>--in-process</c>, else one of them.
/// </summary>
public readonly record struct ProcessMeter(
    TimeSpan Cpu, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long Allocated, TimeSpan Jit, long JitMethods)
{
    public static ProcessMeter Read()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessMeter(
            process.TotalProcessorTime,
            GC.GetTotalPauseDuration(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalAllocatedBytes(precise: false),
            JitInfo.GetCompilationTime(),
            JitInfo.GetCompiledMethodCount());
    }

    /// <summary>
    /// Untimed: leave the previous phase's garbage and compilations out of the next one's
    /// measurement. Every host a run starts builds the EF Core model and migrates a database; the
    /// runtime recompiles that start-up code at tier 1 on a background thread a little later, which
    /// took seconds of CPU inside the timed window while the gateway and client shared 2 cores.
    /// </summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        WaitForCompilationToStop(quiet: TimeSpan.FromSeconds(1), limit: TimeSpan.FromSeconds(30));
    }

    private static void WaitForCompilationToStop(TimeSpan quiet, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var quietFor = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (quietFor.Elapsed < quiet && waited.Elapsed < limit)
        {
            Thread.Sleep(100);
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietFor.Restart();
            }
        }
    }

    /// <summary>What happened since <paramref name="before"/>, over <paramref name="wall"/> and per item.</summary>
    /// <param name="cores">The cores the measured process may use; this process's by default.</param>
    public string Describe(ProcessMeter before, TimeSpan wall, int items, int? cores = null)
    {
        var cpu = (Cpu - before.Cpu).TotalSeconds;
        var pause = (GcPause - before.GcPause).TotalSeconds;
        var allocated = (Allocated - before.Allocated) / (double)items;
        var coreCount = cores ?? Environment.ProcessorCount;
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu {cpu / wall.TotalSeconds:F2} of {coreCount} {(coreCount == 1 ? "core" : "cores")}, {cpu * 1e6 / items:F0} µs per item; " +
            $"GC pauses {100 * pause / wall.TotalSeconds:F1} % of wall, collections gen0/1/2 {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2}; " +
            $"allocated {allocated / 1024:F1} KB per item; JIT {(Jit - before.Jit).TotalMilliseconds:F0} ms ({JitMethods - before.JitMethods} methods)");
    }
}
