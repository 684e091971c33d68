using Deinst.V1;
using Google.Protobuf.Reflection;
using Grpc.Net.Client.Configuration;

namespace DeinstGateway.Client;

/// <summary>
/// gRPC's standard retry policy, for reads only. A read asked twice answers the same; a write
/// retried after its answer was lost could act twice, so writes are never retried here (the
/// streaming writes carry request ids: their senders resend them deliberately).
/// </summary>
public static class GatewayRetryPolicy
{
    private static readonly string[] ReadPrefixes = ["Get", "List", "Query", "Lookup", "Verify"];

    /// <summary>Every unary call of the contracts that only reads, as <c>/package.Service/Method</c>.</summary>
    public static IReadOnlyList<string> IdempotentMethods { get; } = Reads().Select(m => $"/{m.Service.FullName}/{m.Name}").ToList();

    public static ServiceConfig ServiceConfig()
    {
        var reads = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 4,
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(3),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { Grpc.Core.StatusCode.Unavailable },
            },
        };
        foreach (var method in Reads())
        {
            reads.Names.Add(new MethodName { Service = method.Service.FullName, Method = method.Name });
        }

        return new ServiceConfig { MethodConfigs = { reads } };
    }

    private static IEnumerable<MethodDescriptor> Reads() =>
        new[]
        {
            RegistryReflection.Descriptor, TransfersReflection.Descriptor, CapacityReflection.Descriptor,
            ClientsReflection.Descriptor, AuditReflection.Descriptor, ServiceRecordsReflection.Descriptor,
            SupportPlansReflection.Descriptor,
        }
        .SelectMany(file => file.Services)
        .SelectMany(service => service.Methods)
        .Where(m => !m.IsClientStreaming && !m.IsServerStreaming && ReadPrefixes.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal)));
}
