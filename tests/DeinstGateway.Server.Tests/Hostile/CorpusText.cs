using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// Fills the corpus placeholders, so the data files stay small and valid however the run goes:
/// <c>"{{today+30}}"</c> (quotes included) becomes a google.type.Date relative to today, because
/// move dates must lie near today; <c>{{repeat:A:1048576}}</c> becomes that many characters;
/// <c>{{seed.client}}</c> and the like become what the fixture created.
/// </summary>
public sealed partial class CorpusText(IReadOnlyDictionary<string, string> values)
{
    public string Expand(string json)
    {
        json = DateToken().Replace(json, m =>
        {
            var date = TestCalendar.Today.AddDays(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            return $$"""{"year":{{date.Year}},"month":{{date.Month}},"day":{{date.Day}}}""";
        });
        json = RepeatToken().Replace(json, m => new string(m.Groups[1].Value[0], int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        // Values stand inside JSON strings; an etag, for one, carries quotes.
        return ValueToken().Replace(json, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? JsonEncodedText.Encode(value).ToString()
            : throw new KeyNotFoundException($"The corpus names an unknown placeholder {m.Value}."));
    }

    [GeneratedRegex("\"\\{\\{today([+-][0-9]+)\\}\\}\"")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"\{\{repeat:(.):([0-9]+)\}\}")]
    private static partial Regex RepeatToken();

    [GeneratedRegex(@"\{\{([A-Za-z.]+)\}\}")]
    private static partial Regex ValueToken();
}
