using System.Text.RegularExpressions;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.SupportPlans;

/// <summary>
/// Writing and reading support plans. A plan holds health and disability data, so a caller who
/// may not read it is told NOT_FOUND, as if it did not exist. Only the municipality responsible
/// for the client today writes them; any other is told PERMISSION_DENIED, whether the client
/// exists or not.
/// </summary>
public sealed partial class SupportPlanBook(
    ISupportPlanStore store, ClientGuard clients, IRegistrySnapshotSource registry, GatewayCalendar calendar, IAccessLog accessLog)
{
    public async Task<SupportPlan> PutAsync(Caller caller, SupportPlanDraft draft, string etag, CancellationToken cancellationToken)
    {
        if (!await clients.ReachesAsync(caller, Rpcs.PutSupportPlan, draft.ClientId, cancellationToken))
        {
            throw new ForbiddenException("NOT_RESPONSIBLE_MUNICIPALITY", "Only a municipality responsible for the client writes its support plans.");
        }

        var snapshot = await registry.GetAsync(cancellationToken);
        var plan = Validate(draft, caller, snapshot);
        var existing = await store.FindAsync(draft.ClientId, draft.PlanId, cancellationToken);
        if (existing is not null && existing.ResponsibleMunicipalityCode != caller.InstitutionCode)
        {
            throw new ForbiddenException("NOT_RESPONSIBLE_MUNICIPALITY", "The plan was written by another municipality.");
        }

        int? expectedVersion = null;
        if (etag.Length > 0)
        {
            if (existing is null)
            {
                throw new NotFoundException("support plan", plan.Name);
            }

            if (etag != existing.Etag)
            {
                throw new ConcurrencyException($"The plan has changed since it was read (etag {existing.Etag}); read it again.");
            }

            expectedVersion = existing.Version;
        }
        else if (existing is not null)
        {
            throw new ConflictException("SUPPORT_PLAN_EXISTS", "The plan exists; send its etag to replace it.");
        }

        var saved = plan with { Version = (expectedVersion ?? 0) + 1, UpdateTime = calendar.Now };
        await store.SaveAsync(saved, expectedVersion, AccessEntry.Of(caller, saved.ClientId, AccessOutcome.Written, saved.UpdateTime), cancellationToken);
        return saved;
    }

    public async Task<SupportPlan> GetAsync(Caller caller, string clientId, string planId, CancellationToken cancellationToken)
    {
        await clients.EnsureReachesAsync(caller, Rpcs.GetSupportPlan, clientId, "support plan", SupportPlanNames.Of(clientId, planId), cancellationToken);
        var plan = await store.FindAsync(clientId, planId, cancellationToken)
            ?? throw new NotFoundException("support plan", SupportPlanNames.Of(clientId, planId));
        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return plan;
    }

    public async Task<Page<SupportPlan>> ListAsync(Caller caller, string clientId, PageRequest page, CancellationToken cancellationToken)
    {
        await clients.EnsureReachesAsync(caller, Rpcs.ListSupportPlans, clientId, "support plan", SupportPlanNames.Client(clientId), cancellationToken);
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(clientId);
        var plans = await store.ListAsync(clientId, PageToken.Decode(page.PageToken, fingerprint), size + 1, cancellationToken);
        var items = plans.Take(size).ToList();
        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return new Page<SupportPlan>(items, plans.Count > size ? PageToken.Encode(fingerprint, items[^1].PlanId) : string.Empty);
    }

    private static SupportPlan Validate(SupportPlanDraft draft, Caller caller, RegistrySnapshot snapshot)
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation("support_plan." + field, description));

        if (!PlanId().IsMatch(draft.PlanId))
        {
            Fail("name", "must be clients/{client}/supportPlans/{plan} with a plan id of 1-64 letters, digits or -_./");
        }

        if (draft.ValidFrom is null)
        {
            Fail("validity.start_date", "is required");
        }
        else if (draft.ValidTo is { } end && end <= draft.ValidFrom)
        {
            Fail("validity.end_date", "must be after the start");
        }

        if (draft.AssessmentDate is null)
        {
            Fail("assessment_date", "is required");
        }
        else if (draft.ValidFrom is { } start && draft.AssessmentDate > start)
        {
            Fail("assessment_date", "must not be after the plan starts");
        }

        if (draft.PlannedServices.Count == 0)
        {
            Fail("planned_services", "must name at least one service");
        }

        var planned = new List<PlannedService>();
        for (var i = 0; i < draft.PlannedServices.Count; i++)
        {
            var service = draft.PlannedServices[i];
            var field = $"planned_services[{i}].";
            var ok = true;
            if (!Enum.IsDefined((ServiceType)service.ServiceType))
            {
                Fail(field + "service_type", "must be a service of the catalogue");
                ok = false;
            }

            string? provider = null;
            if (service.ProviderName.Length > 0)
            {
                provider = InstitutionCode.FromResourceName(service.ProviderName);
                if (provider is null || snapshot.Find(provider)?.Kind != InstitutionKind.ServiceProvider)
                {
                    Fail(field + "provider", "must name a service provider known to the registry");
                    ok = false;
                }
            }

            if (service.Volume <= 0)
            {
                Fail(field + "volume", "must be more than zero");
                ok = false;
            }

            if (!Enum.IsDefined((VolumePeriod)service.Period))
            {
                Fail(field + "period", "must be a week or a year");
                ok = false;
            }

            if (ok)
            {
                planned.Add(new PlannedService((ServiceType)service.ServiceType, provider, service.Volume, (VolumePeriod)service.Period));
            }
        }

        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }

        return new SupportPlan(
            draft.ClientId, draft.PlanId, caller.InstitutionCode, draft.AssessmentDate!.Value, draft.ValidFrom!.Value, draft.ValidTo,
            planned, 0, default);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlanId();
}
