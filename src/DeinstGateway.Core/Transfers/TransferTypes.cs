namespace DeinstGateway.Core.Transfers;

public enum TransferState
{
    Submitted = 1,
    Accepted = 2,
    Rejected = 3,
    Completed = 4,
    Cancelled = 5,
}

public enum RejectionReason
{
    NoCapacity = 1,
    NotResponsible = 2,
    ServiceNotAvailable = 3,
    SupportPlanIncomplete = 4,
    PersonDeclined = 5,
}
