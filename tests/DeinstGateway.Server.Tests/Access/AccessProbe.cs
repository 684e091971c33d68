using DeinstGateway.Core.Access;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>A valid call of one RPC aimed at the world's record meant for a kind, made through the given channel.</summary>
public delegate Task<Seen> ProbeCall(AccessWorld world, InstitutionKind kind, CallInvoker caller);

/// <summary>
/// How to make one RPC, and how the code answers an institution outside the row's scope:
/// NOT_FOUND, PERMISSION_DENIED, or OK without the record. Null where every kind with a row reaches
/// everything, so a narrower scope added to the matrix fails until the probe says what to expect.
/// </summary>
public sealed record AccessProbe(string Method, StatusCode? OutOfScope, ProbeCall Call)
{
    public Task<Seen> RunAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller) => Seen.Of(() => Call(world, kind, caller));

    public override string ToString() => Rpcs.DisplayName(Method);
}

/// <summary>One probe per RPC, by method path.</summary>
public static class AccessProbes
{
    public static IReadOnlyDictionary<string, AccessProbe> ByMethod { get; } = new[]
        {
            RegistryProbes.All,
            ClientProbes.All,
            TransferReadProbes.All,
            TransferWriteProbes.All,
            CapacityProbes.All,
            SupportPlanProbes.All,
            ServiceRecordProbes.All,
            AuditProbes.All,
            AssessmentProbes.All,
            MonitoringProbes.All,
        }
        .SelectMany(p => p)
        .ToDictionary(p => p.Method);
}
