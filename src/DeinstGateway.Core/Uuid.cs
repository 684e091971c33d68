namespace DeinstGateway.Core;

/// <summary>UUIDs as the contracts carry them: exactly 36 characters in 8-4-4-4-12 form.</summary>
public static class Uuid
{
    /// <summary>
    /// The UUID in lower case, or null. Guid parsing alone would also accept surrounding white
    /// space, which would let two spellings name one request or resource.
    /// </summary>
    public static string? Normalize(string? text) =>
        text is { Length: 36 } && !text.Any(char.IsWhiteSpace) && Guid.TryParseExact(text, "D", out var id)
            ? id.ToString("D")
            : null;
}
