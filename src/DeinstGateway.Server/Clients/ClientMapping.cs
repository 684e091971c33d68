using DeinstGateway.Core.ClientOverview;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.SupportPlans;
using DeinstGateway.Server.Transfers;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.Clients;

/// <summary>Clients between the contracts and Core. Enum numbers match by design.</summary>
public static class ClientMapping
{
    public static Proto.Person ToProto(this ClientIdentity identity, DateOnly birthDate) => new()
    {
        PersonalCode = identity.PersonalCode.ToString(),
        FormerPersonalCode = identity.FormerPersonalCode?.ToString() ?? string.Empty,
        GivenName = identity.GivenName,
        FamilyName = identity.FamilyName,
        BirthDate = birthDate.ToProto(),
    };

    public static PersonInput ToInput(this Proto.Person? person) => person is null
        ? new PersonInput(string.Empty, string.Empty, string.Empty, string.Empty, null)
        : new PersonInput(person.PersonalCode, person.FormerPersonalCode, person.GivenName, person.FamilyName, person.BirthDate.ToInput());

    public static RegistrationInput ToInput(this Proto.RegisterClientRequest request) =>
        new(request.RequestId, request.Person.ToInput(), (int)request.TargetGroup, request.ResponsibleFrom.ToInput());

    public static ClientFilter ToFilter(this Proto.ListClientsRequest request) => new(
        request.TargetGroup == Proto.TargetGroup.Unspecified ? null
            : Enum.IsDefined((TargetGroup)request.TargetGroup) ? (TargetGroup)request.TargetGroup
            : throw new Core.Errors.ValidationException("target_group", "must be one of the programme's target groups"),
        request.HasHasValidSupportPlan ? request.HasValidSupportPlan : null);

    public static Proto.Client ToProto(this ClientView view) => new()
    {
        Name = "clients/" + view.Client.Id,
        Person = view.Identity?.ToProto(view.Client.BirthDate) ?? new Proto.Person(),
        TargetGroup = (Proto.TargetGroup)(view.TargetGroup ?? 0),
    };

    public static Proto.ClientOverview ToProto(this ClientOverviewView view, RegistrySnapshot registry)
    {
        var relations = view.Relations ?? [];
        return new Proto.ClientOverview
        {
            Client = view.Client.ToProto(),
            Responsibilities = { relations.Where(r => r.Kind == RelationKind.Responsible).Select(r => r.ToProto(registry)) },
            Providers = { relations.Where(r => r.Kind == RelationKind.Provider).Select(r => r.ToProto(registry)) },
            Transfers = { view.Transfers.Select(t => t.ToProto(registry)) },
            SupportPlans = { (view.SupportPlans ?? []).Select(p => p.ToProto(registry)) },
            Services = { (view.Services ?? []).Select(s => s.ToProto()) },
            TransfersWithOtherPersonDetails = { view.TransfersWithOtherPersonDetails.Select(TransferNames.Of) },
        };
    }

    private static Proto.ClientRelation ToProto(this ClientRelation relation, RegistrySnapshot registry) => new()
    {
        Institution = registry.Reference(relation.InstitutionCode),
        Validity = new Proto.DateRange { StartDate = relation.From.ToProto(), EndDate = relation.To.ToProto() },
    };

    private static Proto.ServiceUse ToProto(this ServiceUse use)
    {
        var proto = new Proto.ServiceUse
        {
            ServiceType = (Proto.ServiceType)use.ServiceType,
            Unit = (Proto.ServiceUnit)use.Unit,
            DeliveredThisYear = use.DeliveredThisYear,
        };
        if (use.YearlyCap is { } cap)
        {
            proto.YearlyCap = cap;
            proto.RemainingThisYear = use.Remaining ?? 0;
        }

        return proto;
    }
}
