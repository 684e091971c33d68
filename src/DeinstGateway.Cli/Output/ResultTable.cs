using System.Text;
using DeinstGateway.Cli.Hosting;
using Google.Protobuf;
using Spectre.Console;

namespace DeinstGateway.Cli.Output;

/// <summary>
/// A command's result in every output format: a table for people, CSV with the same columns for
/// spreadsheets, and JSON with the gateway's full messages for scripts.
/// </summary>
public sealed class ResultTable(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly List<string> _json = [];

    /// <summary>The column of free places: shown green, or red when none is free.</summary>
    public string FreeColumn { get; init; } = string.Empty;

    public void Add(IMessage message, params string[] cells)
    {
        _rows.Add(cells);
        _json.Add(JsonFormatter.Default.Format(message));
    }

    /// <summary>One message as a JSON object, a list as an array.</summary>
    public void Write(CliEnvironment environment, OutputFormat format, bool single = false)
    {
        switch (format)
        {
            case OutputFormat.Json:
                environment.OutWriter.WriteLine(single && _json.Count == 1 ? _json[0] : "[" + string.Join(",", _json) + "]");
                break;
            case OutputFormat.Csv:
                environment.OutWriter.WriteLine(Csv.Line(headers));
                foreach (var row in _rows)
                {
                    environment.OutWriter.WriteLine(Csv.Line(row));
                }

                break;
            default:
                environment.Out.Write(Render());
                break;
        }
    }

    private Table Render()
    {
        var table = new Table { Title = string.IsNullOrEmpty(title) ? null : new TableTitle(title) };
        var free = Array.IndexOf(headers, FreeColumn);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in _rows)
        {
            table.AddRow(row.Select((cell, i) => i == free ? FreeMarkup(cell) : Markup.Escape(cell)).ToArray());
        }

        if (_rows.Count == 0)
        {
            table.Caption = new TableTitle("nothing found");
        }

        return table;
    }

    private static string FreeMarkup(string cell) => cell == "0" ? $"[red]{cell}[/]" : $"[green]{cell}[/]";
}

/// <summary>RFC 4180 fields: quoted when they hold a comma, a quote or a line break.</summary>
public static class Csv
{
    public static string Line(IEnumerable<string> cells) => string.Join(",", cells.Select(Field));

    private static string Field(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : new StringBuilder("\"").Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"').ToString();
}
