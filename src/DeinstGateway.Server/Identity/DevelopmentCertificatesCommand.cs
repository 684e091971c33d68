using DeinstGateway.Persistence.Registry;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// <c>create-dev-certificates [folder]</c>: the development PKI for every institution of the
/// reference data, without starting the gateway. The Development environment also runs it at
/// start (<c>DevelopmentCertificates:CreateIfMissing</c>).
/// </summary>
public static class DevelopmentCertificatesCommand
{
    public const string Name = "create-dev-certificates";
    private const string FolderKey = "DevelopmentCertificates:Folder";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var folder = Path.GetFullPath(args.Length > 1 ? args[1] : configuration[FolderKey] ?? "certs");
        var written = DevelopmentCertificates.EnsureCreated(folder, ReferenceData.InstitutionCodes(ReferenceData.PathFrom(configuration)));
        Console.WriteLine($"Development certificates in {folder} ({written} files written):");
        Console.WriteLine($"  trusted CA:     {Path.Combine(folder, DevelopmentCertificates.CaCertificateFile)}");
        Console.WriteLine($"  server (PEM):   {Path.Combine(folder, DevelopmentCertificates.ServerCertificateFile)}");
        Console.WriteLine($"  clients (PEM):  {Path.Combine(folder, DevelopmentCertificates.ClientsFolder)}/<institution-code>.crt and .key");
        return 0;
    }

    /// <summary>At start in Development: create the PKI the configuration points at, if absent.</summary>
    public static WebApplicationBuilder AddDevelopmentCertificates(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("DevelopmentCertificates:CreateIfMissing"))
        {
            var folder = Path.GetFullPath(builder.Configuration[FolderKey] ?? "certs");
            DevelopmentCertificates.EnsureCreated(folder, ReferenceData.InstitutionCodes(ReferenceData.PathFrom(builder.Configuration)));
        }

        return builder;
    }
}
