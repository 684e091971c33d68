namespace DeinstGateway.Core.Transfers;

public enum TransferState
{
    Submitted = 1,
    Accepted = 2,
    Rejected = 3,
    Completed = 4,
    Cancelled = 5,
}

public enum TargetGroup
{
    AdultWithIntellectualOrMentalDisability = 1,
    ChildWithFunctionalImpairment = 2,
    ChildInOutOfFamilyCare = 3,
}

public enum RejectionReason
{
    NoCapacity = 1,
    NotResponsible = 2,
    ServiceNotAvailable = 3,
    SupportPlanIncomplete = 4,
    PersonDeclined = 5,
}

/// <summary>A calendar date as a caller sent it, not yet known to exist.</summary>
public readonly record struct DateInput(int Year, int Month, int Day)
{
    public DateOnly? ToDate() =>
        Year is >= 1 and <= 9999 && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(Year, Month)
            ? new DateOnly(Year, Month, Day)
            : null;
}
