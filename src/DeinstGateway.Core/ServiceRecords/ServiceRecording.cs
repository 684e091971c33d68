using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// Records batches of delivered services, each in one transaction. <see cref="PrepareAsync"/> does
/// everything that needs no database, so that a stream prepares its next batch while the previous
/// one is written; <see cref="ApplyAsync"/> then decides each record in order, as if they came one
/// by one: who may record it, the programme's rules counting the records before it (also those
/// earlier in the same batch), resends recognised by request id and content. Only accepted records
/// are written, with one access-log entry per client they are about.
/// </summary>
public sealed class ServiceRecording(IServiceRecordStore store, IRegistrySnapshotSource registry, GatewayCalendar calendar)
{
    public const string RequestIdInvalid = "REQUEST_ID_INVALID";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string ClientUnknown = "CLIENT_UNKNOWN";
    public const string PeriodMissing = "PERIOD_MISSING";
    public const string NotResponsible = "NOT_RESPONSIBLE";
    private const int MaxAttempts = 3;

    /// <summary>Parses the records, computes their request keys and digests and looks up the registry's facts.</summary>
    public async Task<PreparedRecords> PrepareAsync(Caller caller, IReadOnlyList<RecordInput> inputs, CancellationToken cancellationToken) =>
        PreparedRecords.Of(caller, inputs, await registry.GetAsync(cancellationToken));

    /// <summary>Decides a prepared batch against the database and writes its accepted records in one transaction.</summary>
    public async Task<RecordSummary> ApplyAsync(Caller caller, PreparedRecords batch, CancellationToken cancellationToken)
    {
        if (batch.Records.All(r => r.Problem is not null))
        {
            return new RecordSummary(0, 0, batch.Records.Select(r => new RecordRejection(r.Input.RequestId, [r.Problem!])).ToList());
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var write = await store.BeginAsync(cancellationToken);
                var (summary, accesses) = await DecideAsync(caller, batch, write, cancellationToken);
                await write.CommitAsync(accesses, cancellationToken);
                return summary;
            }
            catch (WriteConflictException) when (attempt < MaxAttempts)
            {
                // Another gateway stored one of these request ids meanwhile: decide again, seeing it.
            }
        }
    }

    /// <returns>The batch's outcome and the access-log entries of the records it writes.</returns>
    private async Task<(RecordSummary, IReadOnlyCollection<AccessEntry>)> DecideAsync(
        Caller caller, PreparedRecords batch, IServiceRecordBatch write, CancellationToken cancellationToken)
    {
        // The batch commits as one: its records are recorded at one time.
        var now = calendar.Now;
        var usable = batch.Records.Where(r => r.Problem is null).ToList();
        var known = new Dictionary<string, byte[]>(
            await write.FindRequestsAsync(caller.InstitutionCode, usable.Select(r => r.RequestId!).ToHashSet(StringComparer.Ordinal), cancellationToken),
            StringComparer.Ordinal);
        var facts = await write.ClientFactsAsync(
            usable.Select(r => r.ClientId!).ToHashSet(StringComparer.Ordinal), batch.CappedServices, batch.Window, cancellationToken);
        var clients = new Dictionary<string, ClientState>(StringComparer.Ordinal);
        var written = new List<string>();

        int accepted = 0, duplicates = 0;
        var rejections = new List<RecordRejection>();
        foreach (var record in batch.Records)
        {
            var reasons = record.Problem is { } problem ? [problem] : new List<ServiceRecordViolation>();
            if (reasons.Count == 0 && known.TryGetValue(record.RequestId!, out var storedHash))
            {
                if (storedHash.AsSpan().SequenceEqual(record.ContentHash))
                {
                    duplicates++;
                    continue;
                }

                reasons.Add(new(RequestIdReused, "The request_id was used before for another record."));
            }

            ClientState? client = null;
            if (reasons.Count == 0 && !TryGetClient(record.ClientId!, facts, clients, out client))
            {
                reasons.Add(new(ClientUnknown, "The client is not known to the gateway."));
            }

            if (reasons.Count == 0)
            {
                if (caller.InstitutionCode != record.ProviderCode && !client!.Facts.ResponsibleMunicipalities.Contains(caller.InstitutionCode))
                {
                    reasons.Add(new(NotResponsible, "Only the provider that delivered it or a municipality responsible for the client records a service."));
                }
                else
                {
                    var input = record.Input;
                    var candidate = new ServiceRecordCandidate(
                        client!.Facts.BirthDate, record.ServiceType, record.ProviderCode!, record.Period!.Value, input.Quantity,
                        (ServiceUnit)input.Unit, input.CostCents, (FundingSource)input.FundingSource, record.EsfProjectCode);
                    reasons.AddRange(batch.Rules.Check(
                        candidate, new ProgrammeFacts(record.Provider, batch.EsfProjects, client.SupportPlans, client.Recorded)));
                }
            }

            if (reasons.Count > 0)
            {
                rejections.Add(new RecordRejection(record.Input.RequestId, reasons));
                continue;
            }

            var stored = new ServiceRecord(
                Guid.CreateVersion7().ToString("D"), record.ClientId!, record.ServiceType, record.ProviderCode!, record.Period!.Value,
                record.Input.Quantity, (ServiceUnit)record.Input.Unit, record.Input.CostCents, (FundingSource)record.Input.FundingSource,
                record.EsfProjectCode, caller.InstitutionCode, now);
            write.Add(stored, record.RequestId!, record.ContentHash!);
            written.Add(stored.ClientId);
            known[record.RequestId!] = record.ContentHash!;
            client!.Recorded.Add(new RecordedQuantity(stored.ServiceType, stored.Period, stored.Quantity));
            accepted++;
        }

        return (new RecordSummary(accepted, duplicates, rejections), AccessEntry.WritesOf(caller, written, now));
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
