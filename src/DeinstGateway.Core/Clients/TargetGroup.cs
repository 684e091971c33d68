namespace DeinstGateway.Core.Clients;

/// <summary>The population of the programme a client belongs to.</summary>
public enum TargetGroup
{
    AdultWithIntellectualOrMentalDisability = 1,
    ChildWithFunctionalImpairment = 2,
    ChildInOutOfFamilyCare = 3,
}
