using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeinstGateway.Cli.Hosting;

/// <summary>
/// The settings a back office sets once (<c>deinst profile save</c>), and where the transfer feed
/// was last read, so that the next <c>deinst transfers watch</c> resumes there.
/// </summary>
public sealed record UserProfile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Gateway { get; init; }

    public string? Cert { get; init; }

    public string? Key { get; init; }

    public string? Ca { get; init; }

    public string? Purpose { get; init; }

    public string? Output { get; init; }

    /// <summary>The sequence of the last transfer change <c>watch</c> printed.</summary>
    public long? LastTransferSequence { get; init; }

    public static UserProfile Load(string path)
    {
        if (!File.Exists(path))
        {
            return new UserProfile();
        }

        try
        {
            return JsonSerializer.Deserialize<UserProfile>(File.ReadAllText(path), Json) ?? new UserProfile();
        }
        catch (JsonException e)
        {
            throw new UsageException($"The profile file {path} is not valid JSON ({e.Message}). Fix it or save it again with `deinst profile save`.");
        }
    }

    /// <summary>Writes through a temporary file, so that an interrupted save never leaves half a profile.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }
}
