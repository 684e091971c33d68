using System.Text;
using DeinstGateway.Core.Audit;
using DeinstGateway.Server.Hosting;

namespace DeinstGateway.Server.Audit;

/// <summary>
/// The key of the access log's chain (<see cref="AccessLogChain"/>), kept apart from the database
/// like the personal-data keys: either <c>Audit:KeyFile</c> names a file holding it in base64
/// (Development creates it on first run, <c>Audit:CreateKeyFileIfMissing</c>), or
/// <c>Audit:ChainKey</c> holds it, from a secret store. Without a key the gateway does not start.
/// Losing the key does not lose the log, but it can no longer be verified: back it up.
/// </summary>
public static class AccessLogKey
{
    public const string Section = "Audit";

    /// <param name="mayCreate">
    /// Whether <c>Audit:CreateKeyFileIfMissing</c> is honoured. A verification never creates a key:
    /// against a new key every entry would seem forged.
    /// </param>
    public static IServiceCollection AddAccessLogChain(this IServiceCollection services, IConfiguration configuration, bool mayCreate = true) =>
        services.AddSingleton(Load(configuration.GetSection(Section), mayCreate));

    private static AccessLogChain Load(IConfigurationSection section, bool mayCreate)
    {
        var file = section["KeyFile"];
        var origin = string.IsNullOrWhiteSpace(file) ? $"{Section}:ChainKey" : $"the key file '{file}'";
        try
        {
            var key = string.IsNullOrWhiteSpace(file)
                ? section["ChainKey"]
                : ReadFile(Path.GetFullPath(file), mayCreate && section.GetValue<bool>("CreateKeyFileIfMissing"));
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new InvalidOperationException(
                    $"No access-log key is configured: set {Section}:KeyFile, or {Section}:ChainKey (base64, at least {AccessLogChain.MinimumKeySize} bytes).");
            }

            return new AccessLogChain(Convert.FromBase64String(key.Trim()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"The access-log key in {origin} cannot be used: {e.Message}", e);
        }
    }

    private static string ReadFile(string path, bool createIfMissing)
    {
        if (createIfMissing && !File.Exists(path))
        {
            SecretFile.Write(path, stream => stream.Write(Encoding.ASCII.GetBytes(SecretFile.NewKey(AccessLogChain.MinimumKeySize))));
        }

        return File.ReadAllText(path);
    }
}
