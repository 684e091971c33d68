using System.Text.RegularExpressions;

namespace DeinstGateway.Core.Registry;

/// <summary>
/// The gateway's own stable institution codes (e.g. <c>mun-madona</c>): lower-case ASCII letters,
/// digits and hyphens. They are not official ATVK codes, which were never verified for us.
/// </summary>
public static partial class InstitutionCode
{
    public static bool IsWellFormed(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
