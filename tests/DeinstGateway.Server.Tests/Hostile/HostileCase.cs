using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// One bad input of the corpus (<c>Hostile/corpus/*.json</c>) and exactly what the gateway must
/// answer. Requests are protobuf JSON of the method's request type, with placeholders the
/// fixture fills in (<see cref="CorpusText"/>); frame-level cases give the HTTP body instead, and
/// may add request headers (<c>grpc-encoding</c>, <c>grpc-timeout</c>).
/// </summary>
public sealed record HostileCase(
    string Name,
    string Category,
    string Method,
    string Caller,
    IReadOnlyList<JsonElement>? Requests,
    IReadOnlyList<RawFrame>? Frames,
    string Status,
    string? Field = null,
    string? Reason = null,
    IReadOnlyList<ExpectedOutcome>? Outcomes = null,
    ExpectedRecords? Records = null,
    IReadOnlyDictionary<string, int>? Writes = null,
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A hand-made gRPC frame: the payload is a request message (protobuf JSON) or hex bytes,
/// optionally compressed with <see cref="Compress"/> (<c>gzip</c> or <c>deflate</c>, as gRPC means
/// them), then cut to its first <see cref="Keep"/> bytes, behind a length prefix that may lie, or
/// with <see cref="Bare"/> the bytes alone, no frame header.
/// </summary>
public sealed record RawFrame(
    JsonElement? Message = null,
    string? Hex = null,
    int? Keep = null,
    uint? DeclaredLength = null,
    bool Compressed = false,
    bool Bare = false,
    string? Compress = null);

/// <summary>The answer to one message of a SubmitTransfers stream.</summary>
public sealed record ExpectedOutcome(string Outcome, string? Field = null, string? Reason = null);

/// <summary>The summary of a RecordServices stream: each rejected record's reason codes, in order.</summary>
public sealed record ExpectedRecords(int Accepted, int Duplicate, IReadOnlyList<IReadOnlyList<string>> Rejected);

public static class HostileCorpus
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, HostileCase> Cases => Loaded.Value;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Hostile", "corpus");

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Cases.Keys.Order(StringComparer.Ordinal))
        {
            names.Add(name);
        }

        return names;
    }

    private static IReadOnlyDictionary<string, HostileCase> Load() =>
        Directory.GetFiles(Folder, "*.json")
            .SelectMany(file => JsonSerializer.Deserialize<List<HostileCase>>(File.ReadAllText(file), Options)
                ?? throw new InvalidDataException(file + " holds no cases."))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
}
