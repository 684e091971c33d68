namespace DeinstGateway.Core.ServiceRecords;

/// <summary>Who pays for a delivered service.</summary>
public enum FundingSource
{
    /// <summary>A European Social Fund DI project (85 % ESF, 15 % state budget); names the project.</summary>
    EsfProject = 1,
    StateBudget = 2,
    MunicipalBudget = 3,
    IndividualBudget = 4,
}
