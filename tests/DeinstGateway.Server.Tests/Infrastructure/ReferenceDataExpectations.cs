using System.Text.Json;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// Reads the shipped reference-data file on its own, independently of the gateway's loader,
/// so tests compare what the gateway serves with what the file says.
/// </summary>
public static class ReferenceDataExpectations
{
    private static readonly Lazy<JsonElement[]> Institutions = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestPki.ReferenceDataPath));
        return document.RootElement.GetProperty("institutions").EnumerateArray().Select(e => e.Clone()).ToArray();
    });

    /// <summary>Codes of the institutions that exist on the date, in ordinal order.</summary>
    public static IReadOnlyList<string> CodesValidOn(DateOnly date, string? kind = null) => Institutions.Value
        .Where(i => kind is null || i.GetProperty("kind").GetString() == kind)
        .Where(i => Date(i, "validFrom") is not { } from || from <= date)
        .Where(i => Date(i, "validTo") is not { } to || date < to)
        .Select(i => i.GetProperty("code").GetString()!)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The kind of a shipped institution.</summary>
    public static InstitutionKind KindOf(string code) => Enum.Parse<InstitutionKind>(Institutions.Value
        .Single(i => i.GetProperty("code").GetString() == code)
        .GetProperty("kind").GetString()!);

    private static DateOnly? Date(JsonElement institution, string property) =>
        institution.GetProperty(property).ValueKind == JsonValueKind.Null
            ? null
            : DateOnly.Parse(institution.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
