namespace DeinstGateway.Core.Access;

/// <summary>Whose records an allowed call reaches, from the narrowest to the widest.</summary>
public enum AccessScope
{
    /// <summary>Records the institution itself sent, delivers or is the subject of.</summary>
    OwnRecords = 1,

    /// <summary>The institution's own records and those of its branches (a care centre).</summary>
    OwnBranches = 2,

    /// <summary>Records about the municipality: addressed to it, delivered in it, or its clients.</summary>
    OwnMunicipality = 3,

    /// <summary>Records about the municipalities and providers of the planning region.</summary>
    OwnRegion = 4,

    /// <summary>Every record.</summary>
    All = 5,
}

/// <summary>What an allowed call returns, from the least to the most revealing.</summary>
public enum ReturnedFields
{
    /// <summary>Public reference data: institutions and the service catalogue.</summary>
    ReferenceData = 1,

    /// <summary>Counts and amounts only: places, euro cents; no record about a person.</summary>
    Aggregates = 2,

    /// <summary>A verdict on the access log: entries checked and the first broken position.</summary>
    AuditVerdict = 3,

    /// <summary>Records about a person by client id only: no personal code, no names, no birth date.</summary>
    Pseudonymised = 4,

    /// <summary>Who accessed a person's data, when and why: access-log entries by client id.</summary>
    AccessLogEntries = 5,

    /// <summary>Records with the person's identity: personal code, names, birth date.</summary>
    Identified = 6,
}
