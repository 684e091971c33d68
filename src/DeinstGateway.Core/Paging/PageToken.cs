using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Paging;

/// <summary>
/// An opaque keyset cursor: the key of the last item served plus a fingerprint of the filters
/// it was served under, so that a token reused with other filters is refused rather than
/// silently skipping or repeating items.
/// </summary>
public static class PageToken
{
    private const string Field = "page_token";

    public static string Encode(string filterFingerprint, string lastKey)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Cursor(filterFingerprint, lastKey), CursorJson.Default.Cursor);
        return Base64Url.EncodeToString(json);
    }

    /// <summary>Returns the last key of the previous page, or null for the first page.</summary>
    public static string? Decode(string? token, string filterFingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        Cursor? cursor;
        try
        {
            cursor = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), CursorJson.Default.Cursor);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ValidationException(Field, "is not a page token issued by this service");
        }

        if (cursor is null || string.IsNullOrEmpty(cursor.Key) || string.IsNullOrEmpty(cursor.Filter))
        {
            throw new ValidationException(Field, "is not a page token issued by this service");
        }

        if (!string.Equals(cursor.Filter, filterFingerprint, StringComparison.Ordinal))
        {
            throw new ValidationException(Field, "was issued for other filters; repeat the original filters or start again without a token");
        }

        return cursor.Key;
    }

    /// <summary>A short, stable digest of the filter values a listing was asked with.</summary>
    public static string Fingerprint(params object?[] filterValues)
    {
        // A JSON array keeps the values apart whatever characters they contain.
        var canonical = JsonSerializer.SerializeToUtf8Bytes(
            filterValues.Select(v => v?.ToString() ?? string.Empty).ToArray(), CursorJson.Default.StringArray);
        return Convert.ToHexString(SHA256.HashData(canonical), 0, 8);
    }

    internal sealed record Cursor(string Filter, string Key);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(PageToken.Cursor))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class CursorJson : System.Text.Json.Serialization.JsonSerializerContext;
