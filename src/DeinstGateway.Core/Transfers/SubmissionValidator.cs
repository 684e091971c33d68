using System.Text.RegularExpressions;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Transfers;

/// <summary>
/// Checks one submitted transfer against the programme's rules and the registry, collecting
/// every violation so the sender can fix the message in one go. Messages never echo values:
/// they go back to the sender and into logs.
/// </summary>
public static partial class SubmissionValidator
{
    /// <summary>The DI programme's first projects started in 2015; earlier moves are not transfers of it.</summary>
    public static readonly DateOnly EarliestMoveDate = new(2015, 1, 1);

    /// <summary>Moves are planned months, not years, ahead.</summary>
    public const int LatestMoveYearsAhead = 2;

    private const int AdultAge = 18;

    private static readonly InstitutionKind[] SourceKinds =
        [InstitutionKind.StateCareCentre, InstitutionKind.CareCentreBranch, InstitutionKind.ChildCareInstitution];

    public static SubmissionCheck Validate(SubmissionInput input, Caller caller, RegistrySnapshot registry, DateOnly today)
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(field, description));

        var requestId = Uuid.Normalize(input.RequestId);
        if (requestId is null)
        {
            Fail("request_id", "must be a UUID (8-4-4-4-12 hexadecimal digits)");
        }

        if (!Identifier().IsMatch(input.CaseNumber))
        {
            Fail("transfer.case_number", "must be 1-64 letters, digits or -_./ starting with a letter or digit");
        }

        if (!Identifier().IsMatch(input.SupportPlanReference))
        {
            Fail("transfer.support_plan_reference", "must be a plan identifier of 1-64 letters, digits or -_./ (free text is not accepted)");
        }

        var source = Reference(input.Source, "transfer.source", registry, Fail);
        if (source is not null)
        {
            if (!SourceKinds.Contains(source.Kind))
            {
                Fail("transfer.source", "must be a state social care centre, one of its branches or a child-care institution");
            }
            else if (source.Code != caller.InstitutionCode && source.Parent?.Code != caller.InstitutionCode)
            {
                Fail("transfer.source", "must be the calling institution or one of its branches");
            }
            else if (!source.IsValidOn(today))
            {
                Fail("transfer.source", "no longer exists");
            }
        }

        var identity = PersonValidator.Identity(
            new PersonInput(input.PersonalCode, input.FormerPersonalCode, input.GivenName, input.FamilyName, input.BirthDate), "transfer.person.", Fail);
        var birthDate = PersonValidator.BirthDate(input.BirthDate, identity, today, "transfer.person.", Fail);

        var plannedMoveDate = input.PlannedMoveDate?.ToDate();
        if (plannedMoveDate is null)
        {
            Fail("transfer.planned_move_date", "is required and must be a real calendar date");
        }
        else if (plannedMoveDate < EarliestMoveDate || plannedMoveDate > today.AddYears(LatestMoveYearsAhead))
        {
            Fail("transfer.planned_move_date", $"must lie between {EarliestMoveDate:O} and {LatestMoveYearsAhead} years from today");
            plannedMoveDate = null;
        }
        else if (birthDate is not null && plannedMoveDate < birthDate)
        {
            Fail("transfer.planned_move_date", "must not be before the birth date");
        }

        var targetGroup = Enum.IsDefined((TargetGroup)input.TargetGroup) ? (TargetGroup?)input.TargetGroup : null;
        if (targetGroup is null)
        {
            Fail("transfer.target_group", "must be one of the programme's target groups");
        }
        else if (birthDate is not null && plannedMoveDate is not null)
        {
            var adult = PersonAge.YearsOn(birthDate.Value, plannedMoveDate.Value) >= AdultAge;
            if (adult != (targetGroup == TargetGroup.AdultWithIntellectualOrMentalDisability))
            {
                Fail("transfer.target_group", adult
                    ? "is a children's group, but the person is 18 or older on the planned move date"
                    : "is the adults' group, but the person is under 18 on the planned move date");
            }
        }

        var destination = Reference(input.DestinationMunicipality, "transfer.destination_municipality", registry, Fail);
        if (destination is not null)
        {
            if (destination.Kind != InstitutionKind.Municipality)
            {
                Fail("transfer.destination_municipality", "must be a municipality");
            }
            else if (plannedMoveDate is not null && !destination.IsValidOn(plannedMoveDate.Value))
            {
                Fail("transfer.destination_municipality", destination.Successor is { } successor
                    ? $"does not exist on the planned move date; its successor is institutions/{successor.Code}"
                    : destination.ValidFrom > plannedMoveDate
                        ? $"does not exist on the planned move date; it exists from {destination.ValidFrom:O}, name the municipality of that day"
                        : "does not exist on the planned move date");
            }
        }

        var services = Services(input.RequestedServices, Fail);

        Institution? provider = null;
        if (input.DestinationProvider.Length > 0)
        {
            provider = Reference(input.DestinationProvider, "transfer.destination_provider", registry, Fail);
            if (provider is not null && provider.Kind != InstitutionKind.ServiceProvider)
            {
                Fail("transfer.destination_provider", "must be a service provider");
            }
            else if (provider is not null && plannedMoveDate is not null && !provider.IsValidOn(plannedMoveDate.Value))
            {
                Fail("transfer.destination_provider", "does not exist on the planned move date");
            }
        }

        return violations.Count > 0
            ? new SubmissionCheck(null, violations)
            : new SubmissionCheck(
                new ValidSubmission(
                    requestId!, input.CaseNumber, source!, identity!, birthDate!.Value, targetGroup!.Value, destination!,
                    services!, provider, plannedMoveDate!.Value, input.SupportPlanReference),
                violations);
    }

    private static Institution? Reference(string name, string field, RegistrySnapshot registry, Action<string, string> fail)
    {
        var code = InstitutionCode.FromResourceName(name);
        if (code is null)
        {
            fail(field, "must be an institution name of the form institutions/{code}");
            return null;
        }

        var institution = registry.Find(code);
        if (institution is null)
        {
            fail(field, "names no institution known to the registry");
        }

        return institution;
    }

    private static List<ServiceType>? Services(IReadOnlyList<int> requested, Action<string, string> fail)
    {
        if (requested.Count == 0)
        {
            fail("transfer.requested_services", "must name at least one service");
            return null;
        }

        if (requested.Any(s => !Enum.IsDefined((ServiceType)s)))
        {
            fail("transfer.requested_services", "must name only services of the catalogue");
            return null;
        }

        if (requested.Distinct().Count() != requested.Count)
        {
            fail("transfer.requested_services", "must name each service once");
            return null;
        }

        return requested.Select(s => (ServiceType)s).Order().ToList();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}

/// <summary>Either a valid submission or the violations that make it invalid.</summary>
public sealed record SubmissionCheck(ValidSubmission? Valid, IReadOnlyList<FieldViolation> Violations);
