using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Transfers;

/// <summary>
/// Submits batches of transfers: each message is validated alone (<see cref="PrepareAsync"/>),
/// then the batch is written in one transaction (<see cref="ApplyAsync"/>) where each message is
/// created, recognised as a resend (DUPLICATE) or refused as a CONFLICT, exactly as if the
/// messages had been handled one by one in order.
/// </summary>
public sealed class TransferSubmissions(
    ITransferStore store,
    IRegistrySnapshotSource registry,
    PersonalDataProtector protector,
    GatewayCalendar calendar)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Everything that needs no database: validation, content digests and look-up hashes. A
    /// stream prepares its next batch with this while the previous one is being written.
    /// </summary>
    public async Task<PreparedBatch> PrepareAsync(
        Caller caller, IReadOnlyList<SubmissionInput> inputs, CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetAsync(cancellationToken);
        var today = calendar.Today;
        var results = new SubmitResult[inputs.Count];
        var valid = new List<PreparedSubmission>(inputs.Count);
        for (var i = 0; i < inputs.Count; i++)
        {
            var check = SubmissionValidator.Validate(inputs[i], caller, snapshot, today);
            if (check.Valid is { } submission)
            {
                var codeHashes = protector.LookupHashes(submission.Identity.PersonalCode);
                var formerCodeHashes = submission.Identity.FormerPersonalCode is { } former ? protector.LookupHashes(former) : null;
                // Most submissions bring a person not seen before: their client is made here,
                // off the writer's path, and dropped if the batch's look-up finds the person.
                var clientId = ClientRecord.NewId();
                var newClient = new ClientRecord(
                    clientId, codeHashes.Active, formerCodeHashes?.Active,
                    protector.Protect(submission.Identity, ClientRecord.AssociatedData(clientId)), submission.BirthDate, submission.TargetGroup);
                var transferId = Guid.CreateVersion7().ToString("D");
                valid.Add(new PreparedSubmission(
                    i,
                    submission,
                    submission.ContentHash(),
                    codeHashes,
                    formerCodeHashes,
                    transferId,
                    new ProtectedPerson(protector.Protect(submission.Identity, ProtectedPerson.AssociatedData(transferId)), submission.BirthDate),
                    newClient));
            }
            else
            {
                results[i] = SubmitResult.Rejected(inputs[i].RequestId, check.Violations);
            }
        }

        return new PreparedBatch(results, valid);
    }

    /// <summary>Writes a prepared batch in one transaction and completes its results.</summary>
    public async Task<IReadOnlyList<SubmitResult>> ApplyAsync(Caller caller, PreparedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Valid.Count == 0)
        {
            return batch.Results;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var write = await store.BeginSubmissionAsync(cancellationToken);
                await DecideAsync(caller, batch.Valid, write, batch.Results, cancellationToken);
                await write.CommitAsync(cancellationToken);
                return batch.Results;
            }
            catch (WriteConflictException) when (attempt < MaxAttempts)
            {
                // Another gateway wrote one of these keys meanwhile: look again, now seeing it.
            }
        }
    }

    private async Task DecideAsync(
        Caller caller,
        IReadOnlyList<PreparedSubmission> valid,
        ISubmissionBatch batch,
        SubmitResult[] results,
        CancellationToken cancellationToken)
    {
        var lookup = await batch.FindAsync(
            valid.Select(v => v.Submission.BusinessKey).ToHashSet(StringComparer.Ordinal),
            caller.InstitutionCode,
            valid.Select(v => v.Submission.RequestId).ToHashSet(StringComparer.Ordinal),
            valid.SelectMany(v => v.FormerCodeHashes is null ? v.CodeHashes.All : v.CodeHashes.All.Concat(v.FormerCodeHashes.All)).ToList(),
            cancellationToken);

        var byBusinessKey = lookup.Transfers.ToDictionary(t => t.BusinessKey, StringComparer.Ordinal);
        // Request ids are the submitter's own: another institution's equal id is no resend.
        var byRequestId = lookup.Transfers
            .Where(t => t.SubmitterCode == caller.InstitutionCode)
            .ToDictionary(t => t.RequestId, StringComparer.Ordinal);
        var clients = new ClientDirectory(lookup.Clients);
        var now = calendar.Now;

        foreach (var (index, submission, hash, codeHash, formerCodeHash, transferId, person, newClient) in valid)
        {
            if (byRequestId.TryGetValue(submission.RequestId, out var sameRequest))
            {
                results[index] = sameRequest.BusinessKey == submission.BusinessKey && sameRequest.ContentHash.AsSpan().SequenceEqual(hash)
                    ? SubmitResult.Duplicate(submission.RequestId, sameRequest.Id)
                    : SubmitResult.Conflict(submission.RequestId, SubmitResult.RequestIdReused);
                continue;
            }

            if (byBusinessKey.TryGetValue(submission.BusinessKey, out var sameKey))
            {
                results[index] = sameKey.ContentHash.AsSpan().SequenceEqual(hash)
                    ? SubmitResult.Duplicate(submission.RequestId, sameKey.Id)
                    : SubmitResult.Conflict(submission.RequestId, SubmitResult.CaseNumberReused);
                continue;
            }

            var client = ResolveClient(newClient, (codeHash, formerCodeHash), clients, batch);
            var transfer = NewTransfer(transferId, submission, client.Id, now);
            batch.AddTransfer(new NewTransfer(
                transfer,
                caller.InstitutionCode,
                submission.BusinessKey,
                submission.RequestId,
                hash,
                new TransferStateChange(0, transfer.Id, null, TransferState.Submitted, caller.InstitutionCode, now, null, transfer.Version),
                person),
                AccessEntry.Of(caller, client.Id, AccessOutcome.Written, now));

            var known = new KnownTransfer(transfer.Id, submission.BusinessKey, caller.InstitutionCode, submission.RequestId, hash);
            byBusinessKey[known.BusinessKey] = known;
            byRequestId[known.RequestId] = known;
            results[index] = SubmitResult.Created(submission.RequestId, transfer.Id);
        }
    }

    /// <summary>
    /// One client per person: found by the personal code, or by the former code of a person who
    /// changed from an old-format code to a new one. A submission never changes a client: the
    /// transfer keeps the person as its sender sent it, and names that differ from the client's
    /// stay the sender's own (a code change is its responsible municipality's explicit call).
    /// </summary>
    private static ClientRecord ResolveClient(
        ClientRecord newClient,
        (PersonalCodeHashes Current, PersonalCodeHashes? Former) hashes,
        ClientDirectory clients,
        ISubmissionBatch batch)
    {
        if ((clients.Find(hashes.Current) ?? (hashes.Former is null ? null : clients.Find(hashes.Former))) is { } existing)
        {
            return existing;
        }

        batch.AddClient(newClient);
        clients.Add(newClient);
        return newClient;
    }

    private static Transfer NewTransfer(string id, ValidSubmission s, string clientId, DateTimeOffset now) => new(
        id,
        s.CaseNumber,
        s.Source.Code,
        s.Source.Parent?.Code,
        clientId,
        s.TargetGroup,
        s.DestinationMunicipality.Code,
        s.DestinationMunicipality.PlanningRegion?.Code,
        s.RequestedServices,
        s.DestinationProvider?.Code,
        s.PlannedMoveDate,
        s.SupportPlanReference,
        TransferState.Submitted,
        null,
        null,
        1,
        now,
        now);

    private sealed class ClientDirectory
    {
        private readonly Dictionary<string, ClientRecord> _byHash = new(StringComparer.Ordinal);

        public ClientDirectory(IEnumerable<ClientRecord> clients)
        {
            foreach (var client in clients)
            {
                Add(client);
            }
        }

        /// <summary>The client stored under any of the code's hashes (a row may predate a lookup-key rotation).</summary>
        public ClientRecord? Find(PersonalCodeHashes hashes)
        {
            foreach (var hash in hashes.All)
            {
                if (_byHash.TryGetValue(Convert.ToHexString(hash), out var client))
                {
                    return client;
                }
            }

            return null;
        }

        /// <summary>Adds the client under each of its code hashes.</summary>
        public void Add(ClientRecord client)
        {
            _byHash[Convert.ToHexString(client.PersonalCodeHash)] = client;
            if (client.FormerPersonalCodeHash is not null)
            {
                _byHash[Convert.ToHexString(client.FormerPersonalCodeHash)] = client;
            }
        }
    }
}

/// <summary>A batch after the checks that need no database, ready to be written.</summary>
public sealed record PreparedBatch(SubmitResult[] Results, IReadOnlyList<PreparedSubmission> Valid);

/// <summary>
/// A valid submission with its position in the batch, content digest, personal-code look-up
/// hashes, and what it becomes if it is new: the transfer's id, the person as sent (protected)
/// and, for a person the gateway does not know yet, the client.
/// </summary>
public sealed record PreparedSubmission(
    int Index,
    ValidSubmission Submission,
    byte[] ContentHash,
    PersonalCodeHashes CodeHashes,
    PersonalCodeHashes? FormerCodeHashes,
    string TransferId,
    ProtectedPerson Person,
    ClientRecord NewClient);
