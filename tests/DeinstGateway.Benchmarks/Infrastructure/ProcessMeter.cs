using System.Diagnostics;
using System.Globalization;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// Whole-process counters around a timed phase (client and server together): CPU time, GC pauses
/// and collections, allocated bytes. Cheap to read, so reading them does not disturb the phase.
/// </summary>
public readonly record struct ProcessMeter(TimeSpan Cpu, TimeSpan GcPause, int Gen0, int Gen1, int Gen2, long Allocated)
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
            GC.GetTotalAllocatedBytes(precise: false));
    }

    /// <summary>What happened since <paramref name="before"/>, over <paramref name="wall"/> and per item.</summary>
    public string Describe(ProcessMeter before, TimeSpan wall, int items)
    {
        var cpu = (Cpu - before.Cpu).TotalSeconds;
        var pause = (GcPause - before.GcPause).TotalSeconds;
        var allocated = (Allocated - before.Allocated) / (double)items;
        return string.Create(CultureInfo.InvariantCulture,
            $"cpu {cpu / wall.TotalSeconds:F2} of {Environment.ProcessorCount} cores, {cpu * 1e6 / items:F0} µs per item; " +
            $"GC pauses {100 * pause / wall.TotalSeconds:F1} % of wall, collections gen0/1/2 {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2}; " +
            $"allocated {allocated / 1024:F1} KB per item");
    }
}
