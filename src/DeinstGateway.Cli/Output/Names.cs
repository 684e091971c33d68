using System.Globalization;
using System.Text;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Cli.Output;

/// <summary>How people write the gateway's names and values on a command line and read them back.</summary>
public static class Names
{
    /// <summary><c>ServiceType.DayCareCentreAdults</c> → <c>day-care-centre-adults</c>.</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum => Kebab(value.ToString());

    /// <summary>
    /// Reads <c>day-care-centre-adults</c>, <c>DAY_CARE_CENTRE_ADULTS</c> or the contract's
    /// <c>SERVICE_TYPE_DAY_CARE_CENTRE_ADULTS</c>; null for anything else (also for UNSPECIFIED).
    /// </summary>
    public static TEnum? Parse<TEnum>(string text) where TEnum : struct, Enum
    {
        var wanted = text.Trim().ToLowerInvariant().Replace('_', '-');
        var prefix = Kebab(typeof(TEnum).Name) + "-";
        if (wanted.StartsWith(prefix, StringComparison.Ordinal))
        {
            wanted = wanted[prefix.Length..];
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (Convert.ToInt32(value, CultureInfo.InvariantCulture) != 0 && Words(value) == wanted)
            {
                return value;
            }
        }

        return null;
    }

    public static string Choices<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Where(v => Convert.ToInt32(v, CultureInfo.InvariantCulture) != 0).Select(Words));

    /// <summary><c>mun-madona</c> or <c>institutions/mun-madona</c> → <c>institutions/mun-madona</c>.</summary>
    public static string Resource(string collection, string idOrName) =>
        idOrName.StartsWith(collection + "/", StringComparison.Ordinal) ? idOrName : collection + "/" + idOrName;

    /// <summary><c>institutions/mun-madona</c> → <c>mun-madona</c>.</summary>
    public static string Id(string name) => name[(name.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public static string Date(GoogleDate? date) =>
        date is null || date.Year == 0 ? string.Empty : new DateOnly(date.Year, date.Month, date.Day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static GoogleDate Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Time(Timestamp? time) =>
        time is null ? string.Empty : time.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Kebab(string pascal)
    {
        var text = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
