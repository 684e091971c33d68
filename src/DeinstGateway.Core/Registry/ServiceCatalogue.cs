namespace DeinstGateway.Core.Registry;

/// <summary>The community-based services of the programme's catalogue.</summary>
public enum ServiceType
{
    GroupHome = 1,
    DayCareCentreChildren = 2,
    DayCareCentreAdults = 3,
    SpecialisedWorkshop = 4,
    RespiteCare = 5,
    HomeCare = 6,
    SocialRehabilitation = 7,
    SpecialistConsultation = 8,
    SupportGroup = 9,
    FamilyAssistant = 10,
    SupportPerson = 11,
    SocialMentor = 12,
    HalfWayHouse = 13,
}

public enum ServiceUnit
{
    Places = 1,
    Hours = 2,
    Days = 3,
    Sessions = 4,
}

public enum ServiceLimitKind
{
    /// <summary>The service is only for persons inside the age range.</summary>
    AgeEligibility = 1,

    /// <summary>Persons inside the age range receive at most a quantity per period.</summary>
    QuantityCap = 2,

    /// <summary>Persons inside the age range need a valid support plan that plans the service.</summary>
    SupportPlanRequired = 3,
}

public enum LimitPeriod
{
    Week = 1,
    CalendarYear = 2,
}

/// <summary>One entry of the service catalogue, with the programme's limits kept as data.</summary>
public sealed record ServiceTypeDefinition(
    ServiceType Type,
    string DisplayNameLv,
    string DisplayNameEn,
    ServiceUnit Unit,
    IReadOnlyList<ServiceLimit> Limits);

/// <summary>
/// A limit the programme sets on a service. Ages are whole years, both bounds inclusive; a
/// person is 17 until the day before the 18th birthday.
/// </summary>
public sealed record ServiceLimit(
    string Code,
    ServiceLimitKind Kind,
    int? MinAgeYears,
    int? MaxAgeYears,
    int MaxQuantity,
    ServiceUnit? QuantityUnit,
    LimitPeriod? Period,
    string Description);
