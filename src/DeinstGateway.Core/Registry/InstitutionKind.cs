namespace DeinstGateway.Core.Registry;

public enum InstitutionKind
{
    Ministry = 1,
    PlanningRegion = 2,
    Municipality = 3,
    StateCareCentre = 4,
    CareCentreBranch = 5,
    ChildCareInstitution = 6,
    ServiceProvider = 7,
    Agency = 8,
}
