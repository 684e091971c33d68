using System.Diagnostics.CodeAnalysis;
using DeinstGateway.Benchmarks.Infrastructure;

namespace DeinstGateway.Benchmarks.Lookups;

/// <summary>
/// The options of <c>lookups</c>: calls per measure, how many times gateway and echo alternate,
/// and which methods (<c>--methods GetInstitution,Health/Check</c>: by method name, with or without
/// its service; all of <see cref="LookupMethods.Names"/> by default).
/// </summary>
public sealed record LookupOptions(int Calls, int Runs, IReadOnlyList<string> Methods)
{
    public const int DefaultCalls = 20_000;
    public const int DefaultRuns = 3;
    private const string MethodsOption = "--methods";

    public static bool TryParse(ReadOnlySpan<string> args, out LookupOptions options, [NotNullWhen(false)] out string? error)
    {
        options = new LookupOptions(DefaultCalls, DefaultRuns, LookupMethods.Names);
        var methods = LookupMethods.Names;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != MethodsOption)
            {
                rest.Add(args[i]);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{MethodsOption} needs a comma-separated list of {string.Join(", ", LookupMethods.Names)}";
                return false;
            }

            if (!TryMethods(args[++i], out methods, out error))
            {
                return false;
            }
        }

        if (!CommandLine.TryParse(rest.ToArray(), [], ["--calls", "--runs"], out var line, out error))
        {
            return false;
        }

        options = new LookupOptions(line.Number("--calls", DefaultCalls), line.Number("--runs", DefaultRuns), methods);
        return true;
    }

    private static bool TryMethods(string list, out IReadOnlyList<string> methods, [NotNullWhen(false)] out string? error)
    {
        var chosen = new List<string>();
        foreach (var given in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = LookupMethods.Names.FirstOrDefault(n =>
                n.Equals(given, StringComparison.OrdinalIgnoreCase) || n[(n.IndexOf('/') + 1)..].Equals(given, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                (methods, error) = ([], $"{MethodsOption}: unknown method '{given}'; one of {string.Join(", ", LookupMethods.Names)}");
                return false;
            }

            chosen.Add(name);
        }

        // In the benchmark's order, each once.
        methods = LookupMethods.Names.Where(chosen.Contains).ToList();
        error = methods.Count == 0 ? $"{MethodsOption} names no method" : null;
        return methods.Count > 0;
    }
}
