using System.Text.RegularExpressions;

namespace DeinstGateway.Core.Registry;

/// <summary>
/// The gateway's own stable institution codes (e.g. <c>mun-madona</c>): lower-case ASCII letters,
/// digits and hyphens. They are not official ATVK codes, which were never verified for us.
/// </summary>
public static partial class InstitutionCode
{
    private const string ResourcePrefix = "institutions/";

    public static bool IsWellFormed(string? code) => code is not null && Pattern().IsMatch(code);

    /// <summary>The resource name of an institution, <c>institutions/{code}</c>.</summary>
    public static string ResourceName(string code) => ResourcePrefix + code;

    /// <summary>The code in <c>institutions/{code}</c>, or null when the name is not of that form.</summary>
    public static string? FromResourceName(string? name)
    {
        var code = name is not null && name.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? name[ResourcePrefix.Length..] : null;
        return IsWellFormed(code) ? code : null;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
