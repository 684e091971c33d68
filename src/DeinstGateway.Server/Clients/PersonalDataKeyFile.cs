using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeinstGateway.Core.Clients;
using DeinstGateway.Server.Hosting;

namespace DeinstGateway.Server.Clients;

/// <summary>
/// The JSON key file: <c>activeKeyId</c> and <c>encryptionKeys</c> (id → base64 AES-256 key),
/// <c>activeLookupKeyId</c> and <c>lookupKeys</c> (id → base64 HMAC key). A file from before
/// lookup keys had ids holds one <c>lookupKey</c> instead; it reads as lookup key 1 and is written
/// back in the newer shape on the first change.
/// </summary>
public static class PersonalDataKeyFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <exception cref="InvalidOperationException">The file is missing, unreadable or holds unusable keys.</exception>
    public static PersonalDataKeys Read(string path) => Load(path, ToKeys);

    public static void Create(string path)
    {
        const int FirstId = 1;
        var id = FirstId.ToString(CultureInfo.InvariantCulture);
        Save(path, new Contents
        {
            ActiveKeyId = FirstId,
            EncryptionKeys = new() { [id] = SecretFile.NewKey(PersonalDataKeys.EncryptionKeySize) },
            ActiveLookupKeyId = FirstId,
            LookupKeys = new() { [id] = SecretFile.NewKey(PersonalDataKeys.MinimumLookupKeySize) },
        });
    }

    /// <summary>
    /// Adds a new random encryption key and lookup key under one new id (above every id in use)
    /// and makes both active; the old keys stay so that existing rows still open and are found.
    /// </summary>
    /// <returns>The new keys' id.</returns>
    public static int AddKeys(string path)
    {
        var contents = Load(path, c => c);
        var id = contents.EncryptionKeys.Keys.Concat(contents.LookupKeys.Keys).Select(ParseId).Max() + 1;
        var name = id.ToString(CultureInfo.InvariantCulture);
        contents.EncryptionKeys[name] = SecretFile.NewKey(PersonalDataKeys.EncryptionKeySize);
        contents.LookupKeys[name] = SecretFile.NewKey(PersonalDataKeys.MinimumLookupKeySize);
        contents.ActiveKeyId = id;
        contents.ActiveLookupKeyId = id;
        Save(path, contents);
        return id;
    }

    /// <summary>Removes the encryption key and the lookup key with this id; an active key is never removed.</summary>
    /// <exception cref="InvalidOperationException">The key is active, or there is no key with this id.</exception>
    public static void RemoveKeys(string path, int id)
    {
        var contents = Load(path, c => c);
        if (id == contents.ActiveKeyId || id == contents.ActiveLookupKeyId)
        {
            throw new InvalidOperationException($"Key {id} is active; add a new key first.");
        }

        var name = id.ToString(CultureInfo.InvariantCulture);
        var removedEncryptionKey = contents.EncryptionKeys.Remove(name);
        var removedLookupKey = contents.LookupKeys.Remove(name);
        if (!removedEncryptionKey && !removedLookupKey)
        {
            throw new InvalidOperationException($"The key file '{path}' holds no key {id}.");
        }

        Save(path, contents);
    }

    /// <summary>Keys as configuration values, the same names the file uses (<c>LookupKey</c> or <c>LookupKeys:{id}</c>).</summary>
    public static PersonalDataKeys FromConfiguration(IConfigurationSection section)
    {
        var contents = new Contents
        {
            ActiveKeyId = section.GetValue<int>("ActiveKeyId"),
            EncryptionKeys = Values(section.GetSection("EncryptionKeys")),
            ActiveLookupKeyId = section.GetValue<int?>("ActiveLookupKeyId"),
            LookupKeys = Values(section.GetSection("LookupKeys")),
            LookupKey = section["LookupKey"],
        };
        if (contents.EncryptionKeys.Count == 0 || (contents.LookupKeys.Count == 0 && string.IsNullOrWhiteSpace(contents.LookupKey)))
        {
            throw new InvalidOperationException(
                "No personal-data keys are configured: set PersonalData:KeyFile, or PersonalData:ActiveKeyId, " +
                "PersonalData:EncryptionKeys:{id} and PersonalData:LookupKey (or PersonalData:ActiveLookupKeyId and " +
                "PersonalData:LookupKeys:{id}), base64.");
        }

        try
        {
            return ToKeys(Normalize(contents));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidOperationException($"The personal-data keys in configuration cannot be used: {e.Message}", e);
        }
    }

    private static Dictionary<string, string> Values(IConfigurationSection section) =>
        section.GetChildren().ToDictionary(k => k.Key, k => k.Value ?? string.Empty);

    private static T Load<T>(string path, Func<Contents, T> use)
    {
        try
        {
            var contents = JsonSerializer.Deserialize<Contents>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException("the file is empty");
            return use(Normalize(contents));
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidOperationException($"The personal-data key file '{path}' cannot be used: {e.Message}", e);
        }
    }

    /// <summary>Gives a single unnamed lookup key its id, so the rest of the code sees one shape.</summary>
    private static Contents Normalize(Contents contents)
    {
        if (contents.LookupKey is not null)
        {
            if (contents.LookupKeys.Count > 0)
            {
                throw new InvalidDataException("it holds both lookupKey and lookupKeys; keep lookupKeys");
            }

            contents.LookupKeys[PersonalDataKeys.SingleLookupKeyId.ToString(CultureInfo.InvariantCulture)] = contents.LookupKey;
            contents.ActiveLookupKeyId ??= PersonalDataKeys.SingleLookupKeyId;
            contents.LookupKey = null;
        }

        return contents;
    }

    private static PersonalDataKeys ToKeys(Contents contents) => new(
        contents.ActiveKeyId,
        Decode(contents.EncryptionKeys),
        contents.ActiveLookupKeyId ?? throw new InvalidDataException("activeLookupKeyId is missing"),
        Decode(contents.LookupKeys));

    private static Dictionary<int, byte[]> Decode(Dictionary<string, string> keys) =>
        keys.ToDictionary(k => ParseId(k.Key), k => Convert.FromBase64String(k.Value));

    private static int ParseId(string id) => int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);

    private static void Save(string path, Contents contents) => SecretFile.Write(path, stream => JsonSerializer.Serialize(stream, contents, Json));

    private sealed class Contents
    {
        public int ActiveKeyId { get; set; }

        public Dictionary<string, string> EncryptionKeys { get; set; } = [];

        public int? ActiveLookupKeyId { get; set; }

        public Dictionary<string, string> LookupKeys { get; set; } = [];

        public string? LookupKey { get; set; }
    }
}
