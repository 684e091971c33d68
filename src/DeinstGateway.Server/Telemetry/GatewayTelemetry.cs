using System.Diagnostics;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Server.Identity;
using Grpc.AspNetCore.Server;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DeinstGateway.Server.Telemetry;

/// <summary>
/// The gateway's meter is always recorded (nothing listens unless configured). Exporting is off by
/// default and turned on by configuration alone: the standard <c>OTEL_EXPORTER_OTLP_*</c>
/// variables (or <c>Telemetry:Enabled</c>) send traces and metrics over OTLP;
/// <c>Telemetry:PrometheusPort</c> serves the metrics for scraping on a plain-HTTP operator port of
/// their own, never on the gateway's mutual-TLS port.
/// </summary>
public static class GatewayTelemetry
{
    public const string Section = "Telemetry";

    private const string ServiceName = "deinst-gateway";

    private static readonly string[] OtlpEndpoints =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static IServiceCollection AddGatewayTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<IAccessLogObserver>(provider => provider.GetRequiredService<GatewayMetrics>());
        services.AddSingleton<TelemetryInterceptor>();

        var section = configuration.GetSection(Section);
        var otlp = section.GetValue<bool>("Enabled") || OtlpEndpoints.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        var prometheusPort = section.GetValue<int>("PrometheusPort");
        if (!otlp && prometheusPort <= 0)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(GatewayMetrics.MeterName);
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }

            if (prometheusPort > 0)
            {
                metrics.AddPrometheusHttpListener(prometheus =>
                {
                    prometheus.Host = section["PrometheusHost"] is { Length: > 0 } host ? host : "localhost";
                    prometheus.Port = prometheusPort;
                });
            }
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.RecordException = false;
                    aspNetCore.EnrichWithHttpResponse = NameByGrpcMethod;
                })
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// Names a call's span by its gRPC method and tags it with the institution and status. The
    /// request's path and query are dropped: a resource path may carry a client's or a transfer's
    /// id, and exceptions are not recorded because their messages may quote what a caller sent.
    /// </summary>
    private static void NameByGrpcMethod(Activity activity, HttpResponse response)
    {
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
        activity.SetTag("url.full", null);
        if (response.HttpContext.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method is not { } method)
        {
            return;
        }

        activity.DisplayName = method.ServiceName + "/" + method.Name;
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", method.ServiceName);
        activity.SetTag("rpc.method", method.Name);
        if (response.HttpContext.User.FindFirst(CallerClaims.InstitutionCode)?.Value is { } institution)
        {
            activity.SetTag("deinst.institution", institution);
        }

        var status = response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status))
        {
            // A trailers-only answer (a refusal before the method) carries the status among the headers.
            status = response.Headers["grpc-status"].ToString();
        }

        if (int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            activity.SetTag("rpc.grpc.status_code", code);
        }
    }
}
