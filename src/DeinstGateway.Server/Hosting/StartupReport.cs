using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DeinstGateway.Server.Hosting;

/// <summary>Tells the operator, once the server listens, where it listens and what it uses.</summary>
public static class StartupReport
{
    public static void ReportWhenStarted(this WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupReport));
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        ServerLog.Listening(logger, string.Join(", ", addresses));
        if (app.Configuration.GetValue<bool>("DevelopmentCertificates:CreateIfMissing"))
        {
            var folder = Path.GetFullPath(app.Configuration["DevelopmentCertificates:Folder"] ?? "certs");
            ServerLog.DevelopmentCertificates(logger, folder, Path.Combine(folder, "clients"));
        }
    });
}
