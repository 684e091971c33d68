using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Records a batch of delivered services in one transaction: each record is checked alone
/// (names, who may record it, the programme's rules counting the records before it, also those
/// earlier in the same batch), resends are recognised by request id and content, and only
/// accepted records are written.
/// </summary>
public sealed class ServiceRecording(IServiceRecordStore store, IRegistrySnapshotSource registry, GatewayCalendar calendar)
{
    public const string RequestIdInvalid = "REQUEST_ID_INVALID";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string ClientUnknown = "CLIENT_UNKNOWN";
    public const string PeriodMissing = "PERIOD_MISSING";
    public const string NotResponsible = "NOT_RESPONSIBLE";
    private const int MaxAttempts = 3;

    public async Task<RecordSummary> RecordAsync(Caller caller, IReadOnlyList<RecordInput> inputs, CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetAsync(cancellationToken);
        var rules = new ProgrammeRules(snapshot.ServiceTypes);
        var esfProjects = snapshot.EsfProjects.ToDictionary(p => p.Key, p => new InclusivePeriod(p.Value.Start, p.Value.End), StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var batch = await store.BeginAsync(cancellationToken);
                var summary = await DecideAsync(caller, inputs, snapshot, rules, esfProjects, batch, cancellationToken);
                await batch.CommitAsync(cancellationToken);
                return summary;
            }
            catch (WriteConflictException) when (attempt < MaxAttempts)
            {
                // Another gateway stored one of these request ids meanwhile: decide again, seeing it.
            }
        }
    }

    private async Task<RecordSummary> DecideAsync(
        Caller caller,
        IReadOnlyList<RecordInput> inputs,
        RegistrySnapshot snapshot,
        ProgrammeRules rules,
        IReadOnlyDictionary<string, InclusivePeriod> esfProjects,
        IServiceRecordBatch batch,
        CancellationToken cancellationToken)
    {
        var parsed = inputs.Select(input => Parse(caller, input)).ToList();
        var usable = parsed.Where(p => p.Problem is null).ToList();
        var known = new Dictionary<string, byte[]>(
            await batch.FindRequestsAsync(usable.Select(p => p.RequestKey!).ToHashSet(StringComparer.Ordinal), cancellationToken),
            StringComparer.Ordinal);
        var window = usable.Count == 0
            ? new InclusivePeriod(calendar.Today, calendar.Today)
            : new InclusivePeriod(
                new DateOnly(usable.Min(p => p.Period!.Value.FirstDay).Year, 1, 1).AddDays(-7),
                new DateOnly(usable.Max(p => p.Period!.Value.LastDay).Year, 12, 31).AddDays(7));
        // Only quantity caps count earlier records; uncapped services need no history read.
        var capped = usable.Select(p => (ServiceType)p.Input.ServiceType)
            .Where(s => snapshot.Find(s)?.Limits.Any(l => l.Kind == ServiceLimitKind.QuantityCap) == true)
            .ToHashSet();
        var facts = await batch.ClientFactsAsync(
            usable.Select(p => p.ClientId!).ToHashSet(StringComparer.Ordinal), capped, window, cancellationToken);
        var accepted = facts.ToDictionary(f => f.Key, _ => new List<ServiceRecord>(), StringComparer.Ordinal);

        int acceptedCount = 0, duplicates = 0;
        var rejections = new List<RecordRejection>();
        foreach (var record in parsed)
        {
            var reasons = record.Problem is { } problem ? [problem] : new List<ServiceRecordViolation>();
            if (reasons.Count == 0 && known.TryGetValue(record.RequestKey!, out var storedHash))
            {
                if (storedHash.AsSpan().SequenceEqual(record.ContentHash))
                {
                    duplicates++;
                    continue;
                }

                reasons.Add(new(RequestIdReused, "The request_id was used before for another record."));
            }

            if (reasons.Count == 0 && !facts.ContainsKey(record.ClientId!))
            {
                reasons.Add(new(ClientUnknown, "The client is not known to the gateway."));
            }

            if (reasons.Count == 0)
            {
                var client = facts[record.ClientId!];
                var input = record.Input;
                if (caller.InstitutionCode != record.ProviderCode && !client.ResponsibleMunicipalities.Contains(caller.InstitutionCode))
                {
                    reasons.Add(new(NotResponsible, "Only the provider that delivered it or a municipality responsible for the client records a service."));
                }
                else
                {
                    var candidate = new ServiceRecordCandidate(
                        client.BirthDate, (ServiceType)input.ServiceType, record.ProviderCode!, record.Period!.Value, input.Quantity,
                        (ServiceUnit)input.Unit, input.CostCents, (FundingSource)input.FundingSource,
                        input.EsfProjectCode.Length == 0 ? null : input.EsfProjectCode);
                    reasons.AddRange(rules.Check(candidate, Facts(candidate, client, accepted[record.ClientId!], snapshot, esfProjects)));
                }
            }

            if (reasons.Count > 0)
            {
                rejections.Add(new RecordRejection(record.Input.RequestId, reasons));
                continue;
            }

            var stored = new ServiceRecord(
                Guid.CreateVersion7().ToString("D"), record.ClientId!, (ServiceType)record.Input.ServiceType, record.ProviderCode!,
                record.Period!.Value, record.Input.Quantity, (ServiceUnit)record.Input.Unit, record.Input.CostCents,
                (FundingSource)record.Input.FundingSource, record.Input.EsfProjectCode.Length == 0 ? null : record.Input.EsfProjectCode,
                caller.InstitutionCode, calendar.Now);
            batch.Add(stored, record.RequestKey!, record.ContentHash!, AccessEntry.Of(caller, stored.ClientId, AccessOutcome.Written, stored.RecordTime));
            known[record.RequestKey!] = record.ContentHash!;
            accepted[record.ClientId!].Add(stored);
            acceptedCount++;
        }

        return new RecordSummary(acceptedCount, duplicates, rejections);
    }

    private static ProgrammeFacts Facts(
        ServiceRecordCandidate candidate,
        ClientFacts client,
        IEnumerable<ServiceRecord> acceptedInBatch,
        RegistrySnapshot snapshot,
        IReadOnlyDictionary<string, InclusivePeriod> esfProjects)
    {
        var provider = snapshot.Find(candidate.ProviderCode);
        return new ProgrammeFacts(
            provider?.Kind == InstitutionKind.ServiceProvider ? new ServiceProviderFacts(provider, provider.OfferedServices.ToHashSet()) : null,
            esfProjects,
            client.SupportPlans
                .Select(p => new SupportPlanFacts(
                    p.PlannedServices.Select(s => s.ServiceType).ToHashSet(),
                    new InclusivePeriod(p.ValidFrom, p.ValidTo?.AddDays(-1) ?? DateOnly.MaxValue)))
                .ToList(),
            client.EarlierRecords.Concat(acceptedInBatch)
                .Where(r => r.ServiceType == candidate.ServiceType)
                .Select(r => new RecordedQuantity(r.ServiceType, r.Period, r.Quantity))
                .ToList());
    }

    private static ParsedRecord Parse(Caller caller, RecordInput input)
    {
        var requestId = Uuid.Normalize(input.RequestId);
        var clientId = input.Client.StartsWith("clients/", StringComparison.Ordinal) ? Uuid.Normalize(input.Client["clients/".Length..]) : null;
        var provider = InstitutionCode.FromResourceName(input.Provider);
        var first = input.FirstDay?.ToDate();
        var last = input.LastDay?.ToDate();
        ServiceRecordViolation? problem =
            requestId is null ? new(RequestIdInvalid, "request_id must be a UUID.")
            : clientId is null ? new(ClientUnknown, "client must be clients/{client}.")
            : provider is null ? new(ServiceRecordReasons.ProviderUnknown, "provider must be institutions/{code}.")
            : first is null || last is null ? new(PeriodMissing, "first_day and last_day must be real calendar dates.")
            : null;
        if (problem is not null)
        {
            return new ParsedRecord(input, problem, null, null, null, null, null);
        }

        var canonical = string.Join('\n', clientId, input.ServiceType, provider, first!.Value.ToString("O"), last!.Value.ToString("O"),
            input.Quantity, input.Unit, input.CostCents, input.FundingSource, input.EsfProjectCode);
        return new ParsedRecord(
            input, null, caller.InstitutionCode + "|" + requestId, SHA256.HashData(Encoding.UTF8.GetBytes(canonical)),
            clientId, provider, new InclusivePeriod(first.Value, last.Value));
    }

    private sealed record ParsedRecord(
        RecordInput Input,
        ServiceRecordViolation? Problem,
        string? RequestKey,
        byte[]? ContentHash,
        string? ClientId,
        string? ProviderCode,
        InclusivePeriod? Period);
}
