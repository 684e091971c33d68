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
                var clientId = Guid.CreateVersion7().ToString("D");
                var newClient = new ClientRecord(
                    clientId, codeHashes.Active, formerCodeHashes?.Active, Protect(submission.Identity, clientId), submission.BirthDate);
                valid.Add(new PreparedSubmission(
                    i,
                    submission,
                    submission.ContentHash(),
                    codeHashes,
                    formerCodeHashes,
                    Guid.CreateVersion7().ToString("D"),
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

        foreach (var (index, submission, hash, codeHash, formerCodeHash, transferId, newClient) in valid)
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

            var client = ResolveClient(submission, newClient, (codeHash, formerCodeHash), clients, batch);
            var transfer = NewTransfer(transferId, submission, client.Id, now);
            batch.AddTransfer(new NewTransfer(
                transfer,
                caller.InstitutionCode,
                submission.BusinessKey,
                submission.RequestId,
                hash,
                new TransferStateChange(0, transfer.Id, null, TransferState.Submitted, caller.InstitutionCode, now, null, transfer.Version)),
                AccessEntry.Of(caller, client.Id, AccessOutcome.Written, now));

            var known = new KnownTransfer(transfer.Id, submission.BusinessKey, caller.InstitutionCode, submission.RequestId, hash);
            byBusinessKey[known.BusinessKey] = known;
            byRequestId[known.RequestId] = known;
            results[index] = SubmitResult.Created(submission.RequestId, transfer.Id);
        }
    }

    /// <summary>
    /// One client per person: found by the personal code or by the former code of a person who
    /// changed from an old-format code to a new one, and kept up to date with the latest names.
    /// </summary>
    private ClientRecord ResolveClient(
        ValidSubmission submission,
        ClientRecord newClient,
        (PersonalCodeHashes Current, PersonalCodeHashes? Former) hashes,
        ClientDirectory clients,
        ISubmissionBatch batch)
    {
        var existing = clients.Find(hashes.Current) ?? (hashes.Former is null ? null : clients.Find(hashes.Former));
        if (existing is null)
        {
            batch.AddClient(newClient);
            clients.Add(newClient);
            return newClient;
        }

        var switchesCode = hashes.Former is not null && hashes.Former.Matches(existing.PersonalCodeHash);
        var stored = protector.Unprotect(existing.ProtectedIdentity, ClientAssociatedData(existing.Id));
        var renamed = stored.GivenName != submission.Identity.GivenName || stored.FamilyName != submission.Identity.FamilyName;
        if (!switchesCode && !renamed)
        {
            return existing;
        }

        var identity = switchesCode
            ? submission.Identity
            : stored with { GivenName = submission.Identity.GivenName, FamilyName = submission.Identity.FamilyName };
        var updated = existing with
        {
            PersonalCodeHash = switchesCode ? hashes.Current.Active : existing.PersonalCodeHash,
            FormerPersonalCodeHash = switchesCode ? hashes.Former?.Active : existing.FormerPersonalCodeHash,
            ProtectedIdentity = Protect(identity, existing.Id),
        };
        batch.UpdateClient(updated);
        clients.Add(updated);
        return updated;
    }

    private byte[] Protect(ClientIdentity identity, string clientId) => protector.Protect(identity, ClientAssociatedData(clientId));

    /// <summary>Binds a client's ciphertext to its row: moved to another client it no longer opens.</summary>
    public static byte[] ClientAssociatedData(string clientId) => System.Text.Encoding.ASCII.GetBytes("clients/" + clientId);

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

        /// <summary>Adds or replaces the client under each of its code hashes.</summary>
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
/// hashes, and what it becomes if it is new: the transfer's id and, for a person
/// the gateway does not know yet, the client.
/// </summary>
public sealed record PreparedSubmission(
    int Index,
    ValidSubmission Submission,
    byte[] ContentHash,
    PersonalCodeHashes CodeHashes,
    PersonalCodeHashes? FormerCodeHashes,
    string TransferId,
    ClientRecord NewClient);
