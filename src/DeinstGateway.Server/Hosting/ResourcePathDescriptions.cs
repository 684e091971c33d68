using System.Text.RegularExpressions;
using Google.Api;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// Gives each REST route its own OpenAPI path. The gRPC description provider writes a resource-name
/// variable such as <c>{name=transfers/*}</c> as <c>/v1/{name}</c>, so every Get… collides on one path
/// (and a client would escape the slashes inside it). Here the pattern's literal segments stay and
/// each <c>*</c> becomes a parameter of its own, named after the collection before it:
/// <c>/v1/transfers/{transfersId}</c>, <c>/v1/clients/{clientsId}/supportPlans/{supportPlansId}</c>.
/// </summary>
internal sealed partial class ResourcePathDescriptions : IApiDescriptionProvider
{
    private static readonly ModelMetadata Text = new EmptyModelMetadataProvider().GetMetadataForType(typeof(string));

    public int Order => 0;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            if (description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().FirstOrDefault() is { } grpc)
            {
                Rewrite(description, Template(grpc.HttpRule));
            }
        }
    }

    /// <summary>The path with each resource pattern spelled out, and the variables' parameters replaced by one per wildcard.</summary>
    private static void Rewrite(ApiDescription description, string template)
    {
        foreach (var variable in description.ParameterDescriptions.Where(p => p.Source == BindingSource.Path).ToList())
        {
            description.ParameterDescriptions.Remove(variable);
        }

        description.RelativePath = Variable().Replace(template.TrimStart('/'), variable =>
        {
            var segments = variable.Groups["pattern"].Value.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                if (segments[i] == "*")
                {
                    var name = segments[i - 1] + "Id";
                    segments[i] = "{" + name + "}";
                    description.ParameterDescriptions.Add(new ApiParameterDescription { Name = name, ModelMetadata = Text, Source = BindingSource.Path, IsRequired = true });
                }
            }

            return string.Join('/', segments);
        });
    }

    private static string Template(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        _ => rule.Custom.Path,
    };

    [GeneratedRegex(@"\{[\w.]+=(?<pattern>[^}]*)\}")]
    private static partial Regex Variable();
}
