using System.Text;
using System.Text.Json;
using DeinstGateway.Cli.Hosting;

namespace DeinstGateway.Cli.Import;

/// <summary>One row of an input file: its line number, its fields by column name (lower case), and why it cannot be read, if so.</summary>
public sealed record SourceRow(int Line, IReadOnlyDictionary<string, string> Fields, string? Problem = null)
{
    public string this[string column] => Fields.TryGetValue(column, out var value) ? value.Trim() : string.Empty;
}

/// <summary>
/// Reads an import file row by row, without holding it in memory: CSV with a header line (one row
/// per line), or JSON Lines (one object per line) when the name ends in .jsonl or .ndjson.
/// </summary>
public sealed class RowFile
{
    private RowFile(string path, bool jsonLines)
    {
        Path = path;
        IsJsonLines = jsonLines;
    }

    public string Path { get; }

    public bool IsJsonLines { get; }

    public static RowFile Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"The file {path} does not exist.");
        }

        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return new RowFile(path, extension is ".jsonl" or ".ndjson");
    }

    /// <summary>Rows in the file, for the progress bar's end; a cheap pass over the lines.</summary>
    public int CountRows() => File.ReadLines(Path).Count(l => l.Trim().Length > 0) - (IsJsonLines ? 0 : 1);

    public IEnumerable<SourceRow> Rows()
    {
        using var reader = new StreamReader(Path, Encoding.UTF8);
        string[]? header = null;
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            if (IsJsonLines)
            {
                yield return JsonRow(text, line);
            }
            else if (header is null)
            {
                header = CsvFields(text).Select(h => h.Trim().ToLowerInvariant()).ToArray();
            }
            else
            {
                var cells = CsvFields(text);
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = i < cells.Count ? cells[i] : string.Empty;
                }

                yield return new SourceRow(line, fields);
            }
        }
    }

    /// <summary>Arrays become values separated by ';', as in CSV.</summary>
    private static SourceRow JsonRow(string text, int line)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new SourceRow(line, fields, "the line is not a JSON object");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name.ToLowerInvariant()] = property.Value.ValueKind switch
                {
                    JsonValueKind.Array => string.Join(";", property.Value.EnumerateArray().Select(Text)),
                    _ => Text(property.Value),
                };
            }
        }
        catch (JsonException)
        {
            return new SourceRow(line, fields, "the line is not valid JSON");
        }

        return new SourceRow(line, fields);
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };

    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
