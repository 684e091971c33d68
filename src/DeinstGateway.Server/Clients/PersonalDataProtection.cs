using System.Security.Cryptography;
using System.Text.Json;
using DeinstGateway.Core.Clients;

namespace DeinstGateway.Server.Clients;

/// <summary>
/// The keys that protect personal codes, kept apart from the database (a stolen database file
/// alone reveals no code). Either <c>PersonalData:KeyFile</c> names a key file, or the keys are
/// configuration values (<c>PersonalData:ActiveKeyId</c>, <c>PersonalData:EncryptionKeys:{id}</c>,
/// <c>PersonalData:LookupKey</c>, base64) from a secret store. Development creates a key file
/// on first run.
/// </summary>
public static class PersonalDataProtection
{
    private const string Section = "PersonalData";

    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PersonalDataProtector(LoadKeys(configuration.GetSection(Section))));
        return services;
    }

    private static PersonalDataKeys LoadKeys(IConfigurationSection section)
    {
        var keyFile = section["KeyFile"];
        if (!string.IsNullOrWhiteSpace(keyFile))
        {
            var path = Path.GetFullPath(keyFile);
            if (!File.Exists(path) && section.GetValue<bool>("CreateKeyFileIfMissing"))
            {
                CreateKeyFile(path);
            }

            return Read(path);
        }

        var encryptionKeys = section.GetSection("EncryptionKeys").GetChildren()
            .ToDictionary(k => int.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture), k => Convert.FromBase64String(k.Value ?? string.Empty));
        if (encryptionKeys.Count == 0 || string.IsNullOrWhiteSpace(section["LookupKey"]))
        {
            throw new InvalidOperationException(
                "No personal-data keys are configured: set PersonalData:KeyFile, or PersonalData:ActiveKeyId, " +
                "PersonalData:EncryptionKeys:{id} and PersonalData:LookupKey (base64).");
        }

        return new PersonalDataKeys(
            section.GetValue<int>("ActiveKeyId"), encryptionKeys, Convert.FromBase64String(section["LookupKey"]!));
    }

    private static PersonalDataKeys Read(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path), JsonSerializerOptions.Web)
                ?? throw new InvalidDataException("the file is empty");
            return new PersonalDataKeys(
                file.ActiveKeyId,
                file.EncryptionKeys.ToDictionary(k => int.Parse(k.Key, System.Globalization.CultureInfo.InvariantCulture), k => Convert.FromBase64String(k.Value)),
                Convert.FromBase64String(file.LookupKey));
        }
        catch (Exception e) when (e is IOException or JsonException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new InvalidOperationException($"The personal-data key file '{path}' cannot be used: {e.Message}", e);
        }
    }

    private static void CreateKeyFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new KeyFile(
            1,
            new Dictionary<string, string> { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataKeys.EncryptionKeySize)) },
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(PersonalDataKeys.MinimumLookupKeySize)));
        File.WriteAllText(path, JsonSerializer.Serialize(file, JsonSerializerOptions.Web));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private sealed record KeyFile(int ActiveKeyId, Dictionary<string, string> EncryptionKeys, string LookupKey);
}
