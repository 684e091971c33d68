using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Assessments;

/// <summary>
/// Recording and reading needs assessments. The municipality responsible for the client records
/// them, and so does the planning region whose project assessed (for now: the region of the
/// client's responsible municipality); any other caller is told PERMISSION_DENIED whether the
/// client exists or not. Readers outside the client's scope are told NOT_FOUND; every refusal about
/// an existing client leaves a REFUSED entry in the person's access log.
/// </summary>
public sealed partial class NeedsAssessments(
    INeedsAssessmentStore store, ClientGuard clients, IRegistrySnapshotSource registry, GatewayCalendar calendar, IAccessLog accessLog)
{
    public const string NotAnAssessor = "NOT_RESPONSIBLE_FOR_CLIENT";

    private static readonly InstitutionKind[] AssessorKinds =
        [InstitutionKind.Municipality, InstitutionKind.PlanningRegion, InstitutionKind.ServiceProvider];

    public async Task<NeedsAssessment> CreateAsync(Caller caller, NeedsAssessmentDraft draft, CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetAsync(cancellationToken);
        var (requestId, valid) = Validate(draft, snapshot);
        if (!await clients.ReachesAsync(caller, Rpcs.CreateNeedsAssessment, draft.ClientId, cancellationToken))
        {
            throw new ForbiddenException(NotAnAssessor, "Only the municipality responsible for the client, or its planning region, records its assessments.");
        }

        var contentHash = ContentHash(valid);
        await using var recording = await store.BeginRecordingAsync(cancellationToken);
        if (await recording.FindRequestAsync(caller.InstitutionCode, requestId, cancellationToken) is { } known)
        {
            return known.Assessment.ClientId == draft.ClientId && known.ContentHash.AsSpan().SequenceEqual(contentHash)
                ? known.Assessment
                : throw new ConflictException(ClientDirectory.RequestIdReused, "The request_id was used before for another assessment.");
        }

        var today = calendar.Today;
        var responsible = caller.Kind == InstitutionKind.Municipality
            ? caller.InstitutionCode
            : (await recording.ResponsibleMunicipalitiesAsync(draft.ClientId, today, cancellationToken))
                .Where(code => snapshot.Find(code)?.PlanningRegion?.Code == caller.InstitutionCode)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault()
                ?? throw new ForbiddenException(NotAnAssessor, "The client has no responsible municipality in the planning region any more.");
        var now = calendar.Now;
        var assessment = valid with
        {
            Id = Guid.NewGuid().ToString("D"),
            ResponsibleMunicipalityCode = responsible,
            RecordedByCode = caller.InstitutionCode,
            CreateTime = now,
        };
        await recording.CommitAsync(assessment, requestId, contentHash, AccessEntry.Of(caller, draft.ClientId, AccessOutcome.Written, now), cancellationToken);
        return assessment;
    }

    public async Task<NeedsAssessment> GetAsync(Caller caller, string clientId, string assessmentId, CancellationToken cancellationToken)
    {
        var name = NeedsAssessmentNames.Of(clientId, assessmentId);
        await clients.EnsureReachesAsync(caller, Rpcs.GetNeedsAssessment, clientId, "needs assessment", name, cancellationToken);
        var assessment = await store.FindAsync(clientId, assessmentId, cancellationToken) ?? throw new NotFoundException("needs assessment", name);
        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return assessment;
    }

    public async Task<Page<NeedsAssessment>> ListAsync(Caller caller, string clientId, PageRequest page, CancellationToken cancellationToken)
    {
        await clients.EnsureReachesAsync(caller, Rpcs.ListNeedsAssessments, clientId, "needs assessment", "clients/" + clientId, cancellationToken);
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(clientId);
        var found = await store.ListAsync(clientId, Cursor(PageToken.Decode(page.PageToken, fingerprint)), size + 1, cancellationToken);
        var items = found.Take(size).ToList();
        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return new Page<NeedsAssessment>(
            items,
            found.Count > size ? PageToken.Encode(fingerprint, $"{items[^1].AssessmentDate:O}/{items[^1].Id}") : string.Empty);
    }

    private static (DateOnly Date, string Id)? Cursor(string? key) =>
        key is null ? null
        : key.Split('/') is [var date, var id] && DateOnly.TryParseExact(date, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, id)
            : throw new ValidationException("page_token", "is not a page token issued by this service");

    private (string RequestId, NeedsAssessment Assessment) Validate(NeedsAssessmentDraft draft, RegistrySnapshot snapshot)
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(field, description));

        var requestId = Uuid.Normalize(draft.RequestId);
        if (requestId is null)
        {
            Fail("request_id", "must be a UUID (8-4-4-4-12 hexadecimal digits)");
        }

        if (draft.AssessmentDate is not { } date)
        {
            Fail("needs_assessment.assessment_date", "is required");
        }
        else if (date < ClientDirectory.EarliestResponsibleFrom || date > calendar.Today)
        {
            Fail("needs_assessment.assessment_date", $"must lie between {ClientDirectory.EarliestResponsibleFrom:O} and today");
        }

        var assessor = InstitutionCode.FromResourceName(draft.AssessorName);
        if (assessor is null || snapshot.Find(assessor) is not { } institution || !AssessorKinds.Contains(institution.Kind))
        {
            Fail("needs_assessment.assessor", "must name a municipality, planning region or service provider known to the registry");
        }

        if (draft.Project.Length > 0 && !ProjectCode().IsMatch(draft.Project))
        {
            Fail("needs_assessment.project", "must be 1-32 letters, digits or -_./");
        }

        var outcome = (AssessmentOutcome)draft.Outcome;
        if (!Enum.IsDefined(outcome))
        {
            Fail("needs_assessment.outcome", "must be services needed, declined or not eligible");
        }
        else if (outcome != AssessmentOutcome.ServicesNeeded && draft.PlannedServiceTypes.Count > 0)
        {
            Fail("needs_assessment.planned_service_types", "are given only when services are needed");
        }

        for (var i = 0; i < draft.PlannedServiceTypes.Count; i++)
        {
            if (!Enum.IsDefined((ServiceType)draft.PlannedServiceTypes[i]))
            {
                Fail($"needs_assessment.planned_service_types[{i}]", "must be a service of the catalogue");
            }
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        return (requestId!, new NeedsAssessment(
            draft.ClientId,
            string.Empty,
            draft.AssessmentDate!.Value,
            assessor!,
            draft.Project.Length > 0 ? draft.Project : null,
            outcome,
            draft.PlannedServiceTypes.Select(t => (ServiceType)t).Distinct().Order().ToList(),
            string.Empty,
            string.Empty,
            default));
    }

    private static byte[] ContentHash(NeedsAssessment assessment) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            assessment.ClientId,
            assessment.AssessmentDate.ToString("O"),
            assessment.AssessorCode,
            assessment.ProjectCode ?? string.Empty,
            ((int)assessment.Outcome).ToString(CultureInfo.InvariantCulture),
            string.Join(',', assessment.PlannedServiceTypes.Select(t => ((int)t).ToString(CultureInfo.InvariantCulture))))));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProjectCode();
}
