using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Transfers;

public enum SubmitOutcome
{
    Created = 1,
    Duplicate = 2,
    Conflict = 3,
    Rejected = 4,
}

/// <summary>The answer to one submitted message.</summary>
public sealed record SubmitResult(
    string RequestId,
    SubmitOutcome Outcome,
    string? TransferId,
    string? ConflictReason,
    IReadOnlyList<FieldViolation> Violations)
{
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string CaseNumberReused = "CASE_NUMBER_REUSED";

    public static SubmitResult Created(string requestId, string transferId) => new(requestId, SubmitOutcome.Created, transferId, null, []);

    public static SubmitResult Duplicate(string requestId, string transferId) => new(requestId, SubmitOutcome.Duplicate, transferId, null, []);

    public static SubmitResult Conflict(string requestId, string reason) => new(requestId, SubmitOutcome.Conflict, null, reason, []);

    /// <summary>A message that failed validation; its request id may be anything the sender wrote, so it is echoed cut (<see cref="Uuid.Echo"/>).</summary>
    public static SubmitResult Rejected(string requestId, IReadOnlyList<FieldViolation> violations) =>
        new(Uuid.Echo(requestId), SubmitOutcome.Rejected, null, null, violations);
}
