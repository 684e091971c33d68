using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Records batches of delivered services, each in one transaction. <see cref="PrepareAsync"/> does
/// everything that needs no database, so that a stream prepares its next batch while the previous
/// one is written; <see cref="ApplyAsync"/> then decides each record in order, as if they came one
/// by one: who may record it, the programme's rules counting the records before it (also those
/// earlier in the same batch), resends recognised by request id and content. Only accepted records
/// are written, with one access-log entry per client they are about; a record refused because the
/// caller has no relation to its (existing) client leaves a REFUSED entry in that client's log.
/// </summary>
public sealed class ServiceRecording(IServiceRecordStore store, IRegistrySnapshotSource registry, GatewayCalendar calendar)
{
    public const string RequestIdInvalid = "REQUEST_ID_INVALID";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string ClientUnknown = "CLIENT_UNKNOWN";
    public const string PeriodMissing = "PERIOD_MISSING";
    public const string NotResponsible = "NOT_RESPONSIBLE";

    /// <summary>Parses the records, computes their request keys and digests and looks up the registry's facts.</summary>
    public async Task<PreparedRecords> PrepareAsync(Caller caller, IReadOnlyList<RecordInput> inputs, CancellationToken cancellationToken) =>
        PreparedRecords.Of(caller, inputs, await registry.GetAsync(cancellationToken));

    /// <summary>Decides a prepared batch against the database and writes its accepted records in one transaction.</summary>
    public async Task<RecordSummary> ApplyAsync(Caller caller, PreparedRecords batch, CancellationToken cancellationToken)
    {
        if (batch.Records.All(r => r.Problem is not null))
        {
            return new RecordSummary(0, 0, batch.Records.Select(r => RecordRejection.Of(r.Input, [r.Problem!])).ToList());
        }

        await using var write = await store.BeginAsync(cancellationToken);
        var (summary, accesses) = await DecideAsync(caller, batch, write, cancellationToken);
        await write.CommitAsync(accesses, cancellationToken);
        return summary;
    }

    /// <summary>
    /// Decides the records in order. A record that passes the rules is inserted at once, and the
    /// insert claims its request id: when the institution stored a record under that id before
    /// (in an earlier batch, stream or gateway), nothing is inserted and the record is a resend.
    /// A resend is answered as such whatever the rules say today, so the ids of records the rules
    /// reject are looked up afterwards, all in one query.
    /// </summary>
    /// <returns>The batch's outcome and the access-log entries of the records it writes.</returns>
    private async Task<(RecordSummary, IReadOnlyCollection<AccessEntry>)> DecideAsync(
        Caller caller, PreparedRecords batch, IServiceRecordBatch write, CancellationToken cancellationToken)
    {
        // The batch commits as one: its records are recorded at one time.
        var now = calendar.Now;
        var facts = await write.ClientFactsAsync(
            batch.Records.Where(r => r.Problem is null).Select(r => r.ClientId!).ToHashSet(StringComparer.Ordinal),
            batch.CappedServices, batch.Window, cancellationToken);
        var clients = new Dictionary<string, ClientState>(StringComparer.Ordinal);
        // The content under each request id this batch has stored or found stored.
        var claimed = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var insertedHere = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new Outcome[batch.Records.Count];
        var written = new List<string>();
        // Existing clients the caller has no relation to: their logs show who tried.
        var refused = new List<string>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            var record = batch.Records[i];
            if (record.Problem is { } problem)
            {
                outcomes[i] = Outcome.Rejected([problem]);
                continue;
            }

            if (claimed.TryGetValue(record.RequestId!, out var claimedContent))
            {
                outcomes[i] = Outcome.Resent(record, claimedContent);
                continue;
            }

            var reasons = Check(caller, batch, record, facts, clients, calendar.Today, out var client);
            if (reasons.Count > 0)
            {
                outcomes[i] = Outcome.Rejected(reasons);
                if (reasons[0].Code == ClientUnknown && facts.ContainsKey(record.ClientId!))
                {
                    refused.Add(record.ClientId!);
                }

                continue;
            }

            // The record stores the project that judged it, and an ESF record that project's number, however the sender named it.
            var project = batch.Rules.ProjectOf(CandidateOf(record, client!));
            var funding = (FundingSource)record.Input.FundingSource;
            var stored = new ServiceRecord(
                Guid.CreateVersion7().ToString("D"), record.ClientId!, record.ServiceType, record.ProviderCode!, record.Period!.Value,
                record.Input.Quantity, (ServiceUnit)record.Input.Unit, record.Input.CostCents, funding,
                funding == FundingSource.EsfProject ? project.Number : null, caller.InstitutionCode, now, project.Code, record.RecipientKind);
            if (await write.TryAddAsync(stored, record.RequestId!, record.ContentHash!, cancellationToken) is { } storedContent)
            {
                claimed[record.RequestId!] = storedContent;
                outcomes[i] = Outcome.Resent(record, storedContent);
                continue;
            }

            claimed[record.RequestId!] = record.ContentHash!;
            insertedHere.Add(record.RequestId!);
            written.Add(stored.ClientId);
            client!.Recorded.Add(new RecordedQuantity(stored.ServiceType, stored.Period, stored.Quantity));
            outcomes[i] = Outcome.Accepted;
        }

        // An id this batch inserted was free before it, so a rejected record that came earlier under it stays rejected.
        var rejected = Enumerable.Range(0, outcomes.Length)
            .Where(i => outcomes[i].Reasons is not null && batch.Records[i].Problem is null && !insertedHere.Contains(batch.Records[i].RequestId!))
            .ToList();
        if (rejected.Count > 0)
        {
            var storedBefore = await write.FindRequestsAsync(
                caller.InstitutionCode, rejected.Select(i => batch.Records[i].RequestId!).ToHashSet(StringComparer.Ordinal), cancellationToken);
            foreach (var i in rejected)
            {
                if (storedBefore.TryGetValue(batch.Records[i].RequestId!, out var storedContent))
                {
                    outcomes[i] = Outcome.Resent(batch.Records[i], storedContent);
                }
            }
        }

        return (Summarize(batch, outcomes), [.. AccessEntry.WritesOf(caller, written, now), .. AccessEntry.RefusalsOf(caller, refused, now)]);
    }

    /// <summary>Who may record it and the programme's rules, counting the client's records so far; empty when the record passes.</summary>
    private static IReadOnlyList<ServiceRecordViolation> Check(
        Caller caller, PreparedRecords batch, PreparedRecord record, IReadOnlyDictionary<string, ClientFacts> facts,
        Dictionary<string, ClientState> clients, DateOnly today, out ClientState? client)
    {
        // A recorder with no relation to the client learns nothing of it, not even from which rule refuses the record.
        if (!TryGetClient(record.ClientId!, facts, clients, out client) || !MayRecordFor(caller, client!.Facts.Relations, record.Period!.Value, today))
        {
            return [new(ClientUnknown, "The client is not known to the gateway.")];
        }

        if (caller.Kind == InstitutionKind.ServiceProvider && caller.InstitutionCode != record.ProviderCode)
        {
            return [new(NotResponsible, "A provider records only the services it delivered itself.")];
        }

        return batch.Rules.Check(CandidateOf(record, client!), new ProgrammeFacts(record.Provider, client!.SupportPlans, client.Recorded));
    }

    private static ServiceRecordCandidate CandidateOf(PreparedRecord record, ClientState client)
    {
        var input = record.Input;
        return new ServiceRecordCandidate(
            client.Facts.BirthDate, record.ServiceType, record.ProviderCode!, record.Period!.Value, input.Quantity,
            (ServiceUnit)input.Unit, input.CostCents, (FundingSource)input.FundingSource, record.EsfProjectCode,
            record.ProjectCode, record.RecipientKind);
    }

    /// <summary>
    /// The municipality responsible for the client, or a provider serving it, on a day of the
    /// record's period or today: a service is reported after it was delivered, also once the
    /// client has moved on.
    /// </summary>
    private static bool MayRecordFor(Caller caller, IReadOnlyList<ClientRelation> relations, InclusivePeriod period, DateOnly today)
    {
        var kind = caller.Kind == InstitutionKind.ServiceProvider ? RelationKind.Provider : RelationKind.Responsible;
        return relations.Any(r => r.Kind == kind && r.InstitutionCode == caller.InstitutionCode
            && (r.Overlaps(period.FirstDay, period.LastDay) || r.IsActiveOn(today)));
    }

    private static RecordSummary Summarize(PreparedRecords batch, Outcome[] outcomes)
    {
        int accepted = 0, duplicates = 0;
        var rejections = new List<RecordRejection>();
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Reasons is { } reasons)
            {
                rejections.Add(RecordRejection.Of(batch.Records[i].Input, reasons));
            }
            else if (outcomes[i].Duplicate)
            {
                duplicates++;
            }
            else
            {
                accepted++;
            }
        }

        return new RecordSummary(accepted, duplicates, rejections);
    }

    private static bool TryGetClient(
        string clientId, IReadOnlyDictionary<string, ClientFacts> facts, Dictionary<string, ClientState> clients, out ClientState? client)
    {
        if (clients.TryGetValue(clientId, out client))
        {
            return true;
        }

        if (!facts.TryGetValue(clientId, out var known))
        {
            return false;
        }

        client = new ClientState(known);
        clients[clientId] = client;
        return true;
    }

    /// <summary>How one record of a batch was decided: accepted, a duplicate, or rejected for its reasons.</summary>
    private readonly record struct Outcome(bool Duplicate, IReadOnlyList<ServiceRecordViolation>? Reasons)
    {
        public static readonly Outcome Accepted = new(false, null);

        public static Outcome Rejected(IReadOnlyList<ServiceRecordViolation> reasons) => new(false, reasons);

        /// <summary>The record came again under a request id that holds <paramref name="storedContent"/>: the same record, or another one reusing the id.</summary>
        public static Outcome Resent(PreparedRecord record, byte[] storedContent) =>
            storedContent.AsSpan().SequenceEqual(record.ContentHash)
                ? new(true, null)
                : Rejected([new(RequestIdReused, "The request_id was used before for another record.")]);
    }

    /// <summary>A client's facts in the form the rules take, and the quantities recorded so far, growing as the batch accepts records.</summary>
    private sealed class ClientState(ClientFacts facts)
    {
        public ClientFacts Facts { get; } = facts;

        public IReadOnlyList<SupportPlanFacts> SupportPlans { get; } = facts.SupportPlans
            .Select(p => new SupportPlanFacts(
                p.PlannedServices.Select(s => s.ServiceType).ToHashSet(),
                new InclusivePeriod(p.ValidFrom, p.ValidTo?.AddDays(-1) ?? DateOnly.MaxValue)))
            .ToList();

        /// <summary>Of every service: the rules count only those of the record's own service.</summary>
        public List<RecordedQuantity> Recorded { get; } = facts.EarlierRecords
            .Select(r => new RecordedQuantity(r.ServiceType, r.Period, r.Quantity))
            .ToList();
    }
}
