using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi.Models;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// The OpenAPI document of the REST/JSON routes, generated from the protos' <c>google.api.http</c>
/// annotations and their comments (the XML documentation of the contracts). It lies behind the
/// same client certificate as every call: it holds no personal data, but nothing else of the
/// gateway is public either, and one rule is simpler to operate than two.
/// </summary>
public static class GatewayOpenApi
{
    public const string DocumentName = "v1";

    /// <summary>The stable path of the document.</summary>
    public const string Path = "/openapi/" + DocumentName + ".json";

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services)
    {
        services.AddGrpcSwagger();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IApiDescriptionProvider, ResourcePathDescriptions>());
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "DeinstGateway",
                Version = DocumentName,
                Description = "REST/JSON form of the deinst.v1 gRPC contracts. Every call needs the institution's client " +
                    "certificate (mutual TLS); calls with personal data declare their purpose in the x-deinst-purpose header. " +
                    "Errors are google.rpc.Status JSON with the gRPC code and details.",
            });
            var contracts = System.IO.Path.Combine(AppContext.BaseDirectory, "DeinstGateway.Contracts.xml");
            swagger.IncludeXmlComments(contracts);
            swagger.IncludeGrpcXmlComments(contracts, includeControllerXmlComments: true);
        });
        return services;
    }

    public static WebApplication MapGatewayOpenApi(this WebApplication app)
    {
        app.UseSwagger(swagger => swagger.RouteTemplate = "openapi/{documentName}.json");
        return app;
    }
}
