using System.Globalization;
using System.Security.Cryptography;
using DeinstGateway.Core.Clients;
using DeinstGateway.Persistence;
using DeinstGateway.Server.Hosting;

namespace DeinstGateway.Server.Clients;

/// <summary>
/// Personal-data key rotation without starting the gateway, against the database and keys its
/// configuration names (the same settings files, environment variables and <c>--Key=value</c>
/// arguments): <c>add-personal-data-key</c>, <c>reencrypt-personal-data</c> and
/// <c>retire-personal-data-key &lt;id&gt;</c>. The README's "Key rotation" gives the order.
/// </summary>
public static class PersonalDataKeyCommands
{
    public const string AddName = "add-personal-data-key";
    public const string ReencryptName = "reencrypt-personal-data";
    public const string RetireName = "retire-personal-data-key";
    private const int DefaultBatchSize = 500;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is AddName or ReencryptName or RetireName;

    /// <returns>The process exit code: 0 done, 1 refused or failed (the reason is on <paramref name="error"/>).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        try
        {
            return args[0] switch
            {
                AddName => Add(args[1..], output),
                ReencryptName => await ReencryptAsync(args[1..], output, cancellationToken),
                _ => await RetireAsync(args[1..], output, error, cancellationToken),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or CryptographicException)
        {
            // A refusal or a row that cannot be opened: the message says which key, never whose data.
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static int Add(string[] settings, TextWriter output)
    {
        var configuration = GatewayApplication.CreateBuilder(settings).Configuration;
        var path = PersonalDataProtection.KeyFilePath(configuration) ?? throw new InvalidOperationException(
            "PersonalData:KeyFile is not set. Keys kept as configuration values are added in their secret store: " +
            "PersonalData:EncryptionKeys:{id} and PersonalData:LookupKeys:{id}, then PersonalData:ActiveKeyId and PersonalData:ActiveLookupKeyId.");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"There is no key file at '{path}' to add a key to.");
        }

        var id = PersonalDataKeyFile.AddKeys(path);
        output.WriteLine($"Added encryption key {id} and lookup key {id} to {path}; both are now active.");
        output.WriteLine($"Restart every gateway process, then run {ReencryptName}.");
        return 0;
    }

    private static async Task<int> ReencryptAsync(string[] settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = Compose(settings);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PersonalDataRotation>()
            .ReencryptAsync(BatchSize(app.Configuration), cancellationToken);
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        output.WriteLine(
            $"{result.Changed} of {result.Examined} rows of personal data rewritten (clients and the persons transfers keep); every one is now under encryption key " +
            $"{protector.ActiveKeyId} and lookup key {protector.ActiveLookupKeyId}.");
        return 0;
    }

    private static async Task<int> RetireAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new InvalidOperationException($"Usage: {RetireName} <key id> [--Key=value …]");
        }

        await using var app = Compose(args[1..]);
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        if (id == protector.ActiveKeyId || id == protector.ActiveLookupKeyId)
        {
            throw new InvalidOperationException($"Key {id} is active; add a new key and run {ReencryptName} first.");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<PersonalDataRotation>()
            .CountRowsUnderAsync(id, BatchSize(app.Configuration), cancellationToken);
        if (rows > 0)
        {
            await error.WriteLineAsync($"{rows} rows of personal data (clients and the persons transfers keep) still need key {id}; run {ReencryptName} first. Nothing was removed.");
            return 1;
        }

        if (PersonalDataProtection.KeyFilePath(app.Configuration) is not { } path)
        {
            output.WriteLine($"No row of personal data needs key {id}: remove PersonalData:EncryptionKeys:{id} and PersonalData:LookupKeys:{id} from the configuration.");
            return 0;
        }

        PersonalDataKeyFile.RemoveKeys(path, id);
        output.WriteLine($"No client row needs key {id}; removed it from {path}. Restart every gateway process.");
        return 0;
    }

    /// <summary>The gateway's database and keys, nothing else; a missing key file is an error here, never created.</summary>
    private static WebApplication Compose(string[] settings)
    {
        var builder = GatewayApplication.CreateBuilder([.. settings, $"--{PersonalDataProtection.Section}:CreateKeyFileIfMissing=false"]);
        builder.Services.AddPersistence(builder.Configuration);
        builder.Services.AddPersonalDataProtection(builder.Configuration);
        builder.Services.AddScoped<PersonalDataRotation>();
        return builder.Build();
    }

    private static int BatchSize(IConfiguration configuration) =>
        configuration.GetValue($"{PersonalDataProtection.Section}:ReencryptBatchSize", DefaultBatchSize);
}
