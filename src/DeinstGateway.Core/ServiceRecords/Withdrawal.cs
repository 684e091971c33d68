using DeinstGateway.Core.Access;
using DeinstGateway.Core.Errors;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>Why an accepted record is withdrawn.</summary>
public enum WithdrawalReason
{
    /// <summary>The service was not delivered as recorded.</summary>
    RecordedInError = 1,

    /// <summary>The same delivery was recorded twice under different request ids.</summary>
    DuplicateRecord = 2,

    /// <summary>A corrected record, under a new request id, replaces it.</summary>
    Superseded = 3,
}

/// <summary>
/// When, by whom and why a record was withdrawn. A withdrawn record stays stored, so that what was
/// once reported can still be traced and its request id stays taken, but it no longer counts toward
/// the programme's caps or the funding report.
/// </summary>
public sealed record Withdrawal(DateTimeOffset Time, string WithdrawnByCode, WithdrawalReason Reason)
{
    public const string NotTheRecorder = "NOT_THE_RECORDER";

    /// <summary>
    /// The withdrawal the caller makes of a record it can see, or null when the record is withdrawn
    /// already: a repeat keeps the first withdrawal whatever reason it gives, so a resent call changes
    /// nothing. Only the institution that recorded it may withdraw it, repeats included: a municipality
    /// and a provider may both see one record, and neither may take back what the other reported.
    /// </summary>
    public static Withdrawal? Of(Caller caller, ServiceRecord record, WithdrawalReason reason, DateTimeOffset time)
    {
        if (caller.InstitutionCode != record.RecordedByCode)
        {
            throw new ForbiddenException(NotTheRecorder, "Only the institution that recorded a service record may withdraw it.");
        }

        return record.Withdrawal is null ? new Withdrawal(time, caller.InstitutionCode, reason) : null;
    }
}
