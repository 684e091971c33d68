using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// A benchmark's options as given: switches (<c>--breakdown</c>), names followed by a positive
/// whole number (<c>--count 100000</c>) and names followed by a text (<c>--keep FOLDER</c>).
/// Anything else is refused with a message naming it.
/// </summary>
public sealed class CommandLine
{
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    public static bool TryParse(
        ReadOnlySpan<string> args,
        IReadOnlyCollection<string> switches,
        IReadOnlyCollection<string> numbers,
        [NotNullWhen(true)] out CommandLine? line,
        [NotNullWhen(false)] out string? error,
        IReadOnlyCollection<string>? texts = null)
    {
        var parsed = new CommandLine();
        line = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (switches.Contains(name))
            {
                parsed._switches.Add(name);
                continue;
            }

            if (texts?.Contains(name) == true)
            {
                if (i + 1 >= args.Length || args[i + 1].Length == 0)
                {
                    error = $"{name} needs a value";
                    return false;
                }

                parsed._texts[name] = args[++i];
                continue;
            }

            if (!numbers.Contains(name))
            {
                error = $"unknown option '{name}'";
                return false;
            }

            if (i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || value < 1)
            {
                error = $"{name} needs a positive whole number";
                return false;
            }

            parsed._numbers[name] = value;
            i++;
        }

        line = parsed;
        error = null;
        return true;
    }

    public bool Has(string name) => _switches.Contains(name);

    public int Number(string name, int otherwise) => _numbers.GetValueOrDefault(name, otherwise);

    public string? Text(string name) => _texts.GetValueOrDefault(name);
}
