using DeinstGateway.Core.Access;
using Deinst.V1;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// The access matrix, cell by cell, through real gRPC calls: every call × every kind of
/// institution. A kind without a row is refused. A kind with a row reaches the world's record
/// meant for it, showing a person's identity exactly where the row grants it; an institution of
/// the same kind outside the row's scope does not reach it; and a call carrying personal data
/// must declare one of the row's purposes.
/// </summary>
public sealed class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    public static TheoryData<AccessCell> Cells => AccessCell.All();

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Call_AsTheKindOfTheCell_IsAnsweredAsTheMatrixSays(AccessCell cell)
    {
        var probe = AccessProbes.ByMethod[cell.Method];
        var rule = AccessMatrix.Find(cell.Method, cell.Kind);
        var representative = AccessWorld.Representative(cell.Kind);

        var seen = await probe.RunAsync(world, cell.Kind, world.As(representative));

        if (rule is null)
        {
            Assert.Equal(Seen.Refused(StatusCode.PermissionDenied, "CALL_NOT_ALLOWED"), seen);
            return;
        }

        Assert.Equal((StatusCode.OK, (string?)null, true), (seen.Status, seen.Reason, seen.Reached));
        if (seen.Identified is { } identified)
        {
            Assert.Equal(rule.Fields == ReturnedFields.Identified, identified);
        }

        await AssertOutsiderDoesNotReachAsync(probe, rule);
        await AssertPurposeIsRequiredAsync(probe, rule, representative);
    }

    [Fact]
    public void Probes_ForEveryCallOfTheGatewayServices_AreTheMatrixCalls()
    {
        ServiceDescriptor[] services =
        [
            RegistryService.Descriptor, ClientService.Descriptor, TransferService.Descriptor, CapacityService.Descriptor,
            SupportPlanService.Descriptor, ServiceRecordService.Descriptor, AuditService.Descriptor, NeedsAssessmentService.Descriptor,
            MonitoringService.Descriptor,
        ];
        var served = services.SelectMany(s => s.Methods.Select(m => $"/{s.FullName}/{m.Name}")).Order().ToList();

        // A call the matrix lacks would be refused to everyone and never probed: both lists must follow the protos.
        Assert.Equal(served, AccessMatrix.Methods.Order());
        Assert.Equal(served, AccessProbes.ByMethod.Keys.Order());
    }

    private async Task AssertOutsiderDoesNotReachAsync(AccessProbe probe, AccessRule rule)
    {
        if (rule.Scope == AccessScope.All || AccessWorld.Outsider(rule.Kind) is not { } outsider)
        {
            return;
        }

        var expected = probe.OutOfScope
            ?? throw new InvalidOperationException($"{probe} has no out-of-scope answer, but {rule.Kind} has scope {rule.Scope}.");
        var seen = await probe.RunAsync(world, rule.Kind, world.As(outsider));

        Assert.Equal((expected, false), (seen.Status, seen.Reached));
    }

    private async Task AssertPurposeIsRequiredAsync(AccessProbe probe, AccessRule rule, string representative)
    {
        if (!rule.NeedsPurpose)
        {
            return;
        }

        var undeclared = await probe.RunAsync(world, rule.Kind, world.Declaring(representative, null));
        Assert.Equal(Seen.Refused(StatusCode.PermissionDenied, "PURPOSE_MISSING"), undeclared);

        if (Purposes.All.FirstOrDefault(p => !rule.Purposes.Contains(p)) is { } other)
        {
            var misdeclared = await probe.RunAsync(world, rule.Kind, world.Declaring(representative, other));
            Assert.Equal(Seen.Refused(StatusCode.PermissionDenied, "PURPOSE_NOT_ALLOWED"), misdeclared);
        }
    }
}
