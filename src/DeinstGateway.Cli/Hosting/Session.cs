using System.CommandLine;
using DeinstGateway.Client;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Cli.Hosting;

/// <summary>One command's connection to the gateway, with the settings and console it reports through.</summary>
public sealed class Session : IDisposable
{
    private readonly GrpcChannel _channel;

    private Session(CliEnvironment environment, Settings settings, GatewayConnection connection)
    {
        Environment = environment;
        Settings = settings;
        Connection = connection;
        _channel = GatewayChannel.Create(connection);
    }

    public CliEnvironment Environment { get; }

    public Settings Settings { get; }

    public GatewayConnection Connection { get; }

    public CallInvoker Invoker => _channel.CreateCallInvoker();

    public OutputFormat Output => Settings.Output;

    /// <summary>Connects with the settings in force; <paramref name="usualPurpose"/> is declared when the user set none.</summary>
    public static Session Open(ParseResult parse, CliEnvironment environment, string? usualPurpose = null)
    {
        var settings = Settings.Resolve(parse, environment);
        return new Session(environment, settings, Connect(settings, usualPurpose));
    }

    public static GatewayConnection Connect(Settings settings, string? usualPurpose)
    {
        var gateway = settings.Gateway ?? throw Missing("gateway address", "--gateway", "DEINST_GATEWAY");
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out var address) || address.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException($"The gateway address \"{gateway}\" is not an https:// address.");
        }

        return new GatewayConnection
        {
            Address = address,
            CertificatePath = ExistingFile(settings.Cert ?? throw Missing("certificate", "--cert", "DEINST_CERT"), "certificate"),
            KeyPath = ExistingFile(settings.Key ?? throw Missing("certificate key", "--key", "DEINST_KEY"), "key"),
            CaPath = ExistingFile(settings.Ca ?? throw Missing("gateway CA certificate", "--ca", "DEINST_CA"), "CA certificate"),
            Purpose = settings.Purpose ?? usualPurpose,
        };
    }

    public void Dispose() => _channel.Dispose();

    private static UsageException Missing(string what, string option, string variable) =>
        new($"No {what} is set: give {option}, set {variable}, or save it in your profile with `deinst profile save {option} …`.");

    private static string ExistingFile(string path, string what) =>
        File.Exists(path) ? path : throw new UsageException($"The {what} file {path} does not exist.");
}
