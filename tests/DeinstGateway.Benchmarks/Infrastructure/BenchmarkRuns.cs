using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// The frame every benchmark runs in: a fresh folder under the temporary directory with a
/// development PKI, and one fresh subfolder per run, deleted after its run so that no run reads
/// another's files; the whole folder is deleted at the end, also when a run fails.
/// </summary>
public static class BenchmarkRuns
{
    public static async Task<List<T>> RunAsync<T>(
        string benchmark, int runs, Func<DevelopmentPki, string, int, Task<T>> runOnce, Action<int, T> report)
    {
        var root = Path.Combine(Path.GetTempPath(), "deinst-benchmarks", benchmark + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            var pki = DevelopmentPki.Create(Path.Combine(root, "pki"));
            var results = new List<T>(runs);
            for (var run = 1; run <= runs; run++)
            {
                var folder = Path.Combine(root, "run-" + run.ToString(CultureInfo.InvariantCulture));
                Directory.CreateDirectory(folder);
                var result = await runOnce(pki, folder, run);
                results.Add(result);
                report(run, result);
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            return results;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The build, for the last line of every configuration: figures of a Debug build are not worth quoting.</summary>
    public static string Build =>
#if DEBUG
        "Debug (figures not worth quoting)";
#else
        "Release";
#endif

    /// <summary>A run's headline, then its details indented under it.</summary>
    public static void Print(int run, int runs, string figures, IEnumerable<string> details)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run}/{runs}: {figures}"));
        foreach (var detail in details)
        {
            Console.WriteLine("  " + detail);
        }
    }
}
