using System.Text.RegularExpressions;
using Deinst.V1;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>The gateway's services as the protos describe them, and the REST routes their annotations give.</summary>
public static partial class GatewayContracts
{
    public static readonly ServiceDescriptor[] Services =
    [
        RegistryService.Descriptor, ClientService.Descriptor, TransferService.Descriptor, CapacityService.Descriptor,
        SupportPlanService.Descriptor, ServiceRecordService.Descriptor, AuditService.Descriptor, NeedsAssessmentService.Descriptor,
        MonitoringService.Descriptor,
    ];

    /// <summary>Every method with a <c>google.api.http</c> annotation, one route each.</summary>
    public static IReadOnlyList<AnnotatedRoute> Routes { get; } = Services
        .SelectMany(s => s.Methods)
        .Where(m => m.GetOptions()?.HasExtension(AnnotationsExtensions.Http) == true)
        .Select(m => AnnotatedRoute.Of(m, m.GetOptions().GetExtension(AnnotationsExtensions.Http)))
        .ToList();

    [GeneratedRegex(@"\{([\w.]+)(?:=([^}]*))?\}")]
    internal static partial Regex Variable();
}

/// <summary>One REST route: the HTTP verb, the path template of the annotation, and what the body binds.</summary>
public sealed record AnnotatedRoute(MethodDescriptor Method, string Verb, string Template, string Body)
{
    /// <summary>The gRPC method path, the access matrix's key.</summary>
    public string GrpcMethod => $"/{Method.Service.FullName}/{Method.Name}";

    internal static AnnotatedRoute Of(MethodDescriptor method, HttpRule rule)
    {
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            _ => throw new InvalidOperationException($"{method.FullName} has a custom HTTP pattern"),
        };
        return new AnnotatedRoute(method, verb, template, rule.Body);
    }

    /// <summary>The path with every variable filled: each <c>*</c> of a resource pattern becomes <paramref name="id"/>.</summary>
    public string Path(string id) =>
        GatewayContracts.Variable().Replace(Template, m => m.Groups[2].Success ? m.Groups[2].Value.Replace("*", id, StringComparison.Ordinal) : id);

    /// <summary>The gRPC request the path stands for: each variable's field set as the path sets it.</summary>
    public IMessage Request(string id)
    {
        var request = Method.InputType.Parser.ParseFrom(ByteString.Empty);
        foreach (Match variable in GatewayContracts.Variable().Matches(Template))
        {
            var value = variable.Groups[2].Success ? variable.Groups[2].Value.Replace("*", id, StringComparison.Ordinal) : id;
            var target = request;
            var fields = variable.Groups[1].Value.Split('.');
            foreach (var name in fields[..^1])
            {
                var field = target.Descriptor.FindFieldByName(name);
                var inner = (IMessage?)field.Accessor.GetValue(target) ?? field.MessageType.Parser.ParseFrom(ByteString.Empty);
                field.Accessor.SetValue(target, inner);
                target = inner;
            }

            target.Descriptor.FindFieldByName(fields[^1]).Accessor.SetValue(target, value);
        }

        return request;
    }

    /// <summary>The path as the OpenAPI document writes it: <c>/v1/transfers/{transfersId}</c> for <c>/v1/{name=transfers/*}</c>.</summary>
    public string OpenApiPath => GatewayContracts.Variable().Replace(Template, m =>
    {
        var segments = m.Groups[2].Value.Split('/');
        return string.Join('/', segments.Select((s, i) => s == "*" ? "{" + segments[i - 1] + "Id}" : s));
    });

    public override string ToString() => $"{Verb} {Template}";
}
