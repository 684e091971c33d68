using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.Transfers;

public enum TransferAction
{
    Accept,
    Reject,
    Complete,
    Cancel,
}

/// <summary>
/// The handover's rules: SUBMITTED → ACCEPTED or REJECTED → (ACCEPTED →) COMPLETED; SUBMITTED or
/// ACCEPTED → CANCELLED. The destination municipality accepts, rejects and completes; the source
/// or its state care centre cancels.
/// </summary>
public static class TransferStateMachine
{
    public static TransferState Next(Transfer transfer, TransferAction action) => (transfer.State, action) switch
    {
        (TransferState.Submitted, TransferAction.Accept) => TransferState.Accepted,
        (TransferState.Submitted, TransferAction.Reject) => TransferState.Rejected,
        (TransferState.Accepted, TransferAction.Complete) => TransferState.Completed,
        (TransferState.Submitted or TransferState.Accepted, TransferAction.Cancel) => TransferState.Cancelled,
        _ => throw new PreconditionFailedException(
            "ILLEGAL_TRANSITION",
            TransferNames.Of(transfer.Id),
            $"A transfer in state {transfer.State} cannot be given the action {action}."),
    };

    /// <summary>
    /// The destination municipality decides; once it has ended (a pre-2021 county, a merged
    /// municipality), the municipality that holds its territory today decides for it.
    /// </summary>
    public static void EnsureMayAct(Caller caller, Transfer transfer, TransferAction action, RegistrySnapshot registry)
    {
        var allowed = action == TransferAction.Cancel
            ? caller.InstitutionCode == transfer.SourceCode || caller.InstitutionCode == transfer.SourceParentCode
            : caller.InstitutionCode == transfer.DestinationMunicipalityCode
                || registry.CurrentMunicipalityOf(transfer.DestinationMunicipalityCode)?.Code == caller.InstitutionCode;
        if (!allowed)
        {
            throw new ForbiddenException(
                action == TransferAction.Cancel ? "NOT_THE_SOURCE" : "NOT_THE_DESTINATION",
                action == TransferAction.Cancel
                    ? "Only the sending institution or its state care centre may cancel a transfer."
                    : "Only the destination municipality may accept, reject or complete a transfer.");
        }
    }
}

public static class TransferNames
{
    private const string Prefix = "transfers/";

    public static string Of(string id) => Prefix + id;

    /// <summary>The id in <c>transfers/{id}</c>, or null when the name is not of that form.</summary>
    public static string? IdFrom(string? name) =>
        name is not null && name.StartsWith(Prefix, StringComparison.Ordinal) ? Uuid.Normalize(name[Prefix.Length..]) : null;
}
