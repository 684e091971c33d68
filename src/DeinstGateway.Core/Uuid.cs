namespace DeinstGateway.Core;

/// <summary>UUIDs as the contracts carry them: exactly 36 characters in 8-4-4-4-12 form.</summary>
public static class Uuid
{
    /// <summary>The most characters of a valid UUID, and of a request id echoed in an answer.</summary>
    public const int Length = 36;

    /// <summary>
    /// The UUID in lower case, or null. Guid parsing alone would also accept surrounding white
    /// space, which would let two spellings name one request or resource.
    /// </summary>
    public static string? Normalize(string? text) =>
        text is { Length: Length } && !text.Any(char.IsWhiteSpace) && Guid.TryParseExact(text, "D", out var id)
            ? id.ToString("D")
            : null;

    /// <summary>
    /// A caller's id as an answer repeats it: as sent, but cut to <see cref="Length"/> characters,
    /// so that an answer naming a malformed id is never larger than one naming a valid id (an id
    /// of megabytes would otherwise make the answer too large to send). A valid id is unchanged.
    /// </summary>
    public static string Echo(string text) =>
        text.Length <= Length ? text
        : char.IsHighSurrogate(text[Length - 1]) ? text[..(Length - 1)]
        : text[..Length];
}
