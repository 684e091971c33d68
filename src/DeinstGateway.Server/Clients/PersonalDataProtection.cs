using DeinstGateway.Core.Clients;

namespace DeinstGateway.Server.Clients;

/// <summary>
/// The keys that protect personal codes, kept apart from the database (a stolen database file
/// alone reveals no code). Either <c>PersonalData:KeyFile</c> names a key file
/// (<see cref="PersonalDataKeyFile"/>), or the keys are configuration values from a secret store.
/// Development creates a key file on first run.
/// </summary>
public static class PersonalDataProtection
{
    public const string Section = "PersonalData";

    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PersonalDataProtector(LoadKeys(configuration)));
        return services;
    }

    /// <summary>The key file's full path, or null when the keys are configuration values.</summary>
    public static string? KeyFilePath(IConfiguration configuration) =>
        configuration[Section + ":KeyFile"] is { } keyFile && !string.IsNullOrWhiteSpace(keyFile) ? Path.GetFullPath(keyFile) : null;

    private static PersonalDataKeys LoadKeys(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (KeyFilePath(configuration) is not { } path)
        {
            return PersonalDataKeyFile.FromConfiguration(section);
        }

        if (!File.Exists(path) && section.GetValue<bool>("CreateKeyFileIfMissing"))
        {
            PersonalDataKeyFile.Create(path);
        }

        return PersonalDataKeyFile.Read(path);
    }
}
