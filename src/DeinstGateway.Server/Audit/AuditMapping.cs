using DeinstGateway.Core.Audit;
using DeinstGateway.Server.Common;
using Google.Protobuf.WellKnownTypes;

namespace DeinstGateway.Server.Audit;

public static class AuditMapping
{
    public static Deinst.V1.ClientAccess ToProto(this ChainedAccessEntry stored) => new()
    {
        Position = stored.Position,
        AccessTime = Timestamp.FromDateTimeOffset(stored.Entry.Time),
        Institution = ResourceNames.Institution(stored.Entry.InstitutionCode),
        CertificateThumbprint = stored.Entry.CertificateThumbprint,
        Method = stored.Entry.Method,
        Purpose = stored.Entry.Purpose,
        Outcome = (Deinst.V1.AccessOutcome)stored.Entry.Outcome,
    };

    public static Deinst.V1.VerifyAuditLogResponse ToProto(this ChainVerdict verdict) => new()
    {
        VerifiedEntries = verdict.VerifiedEntries,
        Intact = verdict.Intact,
        FirstBrokenPosition = verdict.FirstBrokenPosition ?? 0,
        Problem = verdict.Problem ?? string.Empty,
        Checkpoint = verdict.Checkpoint ?? string.Empty,
    };
}
