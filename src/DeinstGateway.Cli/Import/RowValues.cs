using DeinstGateway.Cli.Output;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Cli.Import;

/// <summary>Typed values of a row's cells; an empty cell stays unset for the gateway to judge.</summary>
public static class RowValues
{
    public static GoogleDate? Date(SourceRow row, string column, List<string> problems)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            return null;
        }

        if (Names.ParseDate(text) is { } date)
        {
            return Names.Date(date);
        }

        problems.Add($"{column}: \"{text}\" is not a date; write it as YYYY-MM-DD");
        return null;
    }

    public static TEnum Enum<TEnum>(SourceRow row, string column, List<string> problems) where TEnum : struct, System.Enum
    {
        var text = row[column];
        if (text.Length == 0)
        {
            return default;
        }

        if (Names.Parse<TEnum>(text) is { } value)
        {
            return value;
        }

        problems.Add($"{column}: \"{text}\" is not one of {Names.Choices<TEnum>()}");
        return default;
    }
}
