namespace DeinstGateway.Core.Clients;

/// <summary>
/// Brings every client row, and every copy of a person a transfer keeps, under the active keys
/// after a key was added, and tells whether an old key still protects any of them before it is retired.
/// </summary>
public sealed class PersonalDataRotation(IClientKeyStore store, PersonalDataProtector protector)
{
    /// <summary>
    /// Re-encrypts every client under the active encryption key and re-hashes its codes under the
    /// active lookup key, <paramref name="batchSize"/> rows per transaction. Rows already under
    /// the active keys are left as they are, so a run that was stopped can simply be run again.
    /// </summary>
    /// <exception cref="System.Security.Cryptography.CryptographicException">
    /// A row cannot be opened (its key is not configured, or the data was altered); the batches
    /// before it stay committed.
    /// </exception>
    public async Task<ReencryptionResult> ReencryptAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var clients = await RewriteAllAsync(
            (after, ct) => store.BeginRewriteAsync(after, batchSize, ct), r => r.Clients, c => c.Id, Reencrypt, (r, c, ct) => r.CommitAsync(c, ct),
            cancellationToken);
        var copies = await RewriteAllAsync(
            (after, ct) => store.BeginPersonCopyRewriteAsync(after, batchSize, ct), r => r.Copies, c => c.TransferId, Reencrypt,
            (r, c, ct) => r.CommitAsync(c, ct), cancellationToken);
        return new ReencryptionResult(clients.Examined + copies.Examined, clients.Changed + copies.Changed);
    }

    private static async Task<ReencryptionResult> RewriteAllAsync<TRewrite, TRow>(
        Func<string?, CancellationToken, Task<TRewrite>> begin,
        Func<TRewrite, IReadOnlyList<TRow>> rows,
        Func<TRow, string> idOf,
        Func<TRow, TRow?> reencrypt,
        Func<TRewrite, IReadOnlyCollection<TRow>, CancellationToken, Task> commit,
        CancellationToken cancellationToken)
        where TRewrite : IAsyncDisposable
        where TRow : class
    {
        var examined = 0;
        var changed = 0;
        string? afterId = null;
        while (true)
        {
            var rewrite = await begin(afterId, cancellationToken);
            await using (rewrite)
            {
                var read = rows(rewrite);
                if (read.Count == 0)
                {
                    return new ReencryptionResult(examined, changed);
                }

                var rewritten = read.Select(reencrypt).OfType<TRow>().ToList();
                await commit(rewrite, rewritten, cancellationToken);
                examined += read.Count;
                changed += rewritten.Count;
                afterId = idOf(read[^1]);
            }
        }
    }

    /// <summary>
    /// How many clients and person copies still need key <paramref name="keyId"/>: encrypted with the encryption key
    /// of that id, or hashed with the lookup key of that id. Zero means the key can be retired.
    /// </summary>
    public async Task<int> CountRowsUnderAsync(int keyId, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var count = 0;
        string? afterId = null;
        while (await store.ReadAsync(afterId, batchSize, cancellationToken) is { Count: > 0 } clients)
        {
            count += clients.Count(c => IsUnder(c, keyId));
            afterId = clients[^1].Id;
        }

        afterId = null;
        while (await store.ReadPersonCopiesAsync(afterId, batchSize, cancellationToken) is { Count: > 0 } copies)
        {
            count += copies.Count(c => protector.KeyIdOf(c.ProtectedIdentity) == keyId);
            afterId = copies[^1].TransferId;
        }

        return count;
    }

    private ClientRecord? Reencrypt(ClientRecord client)
    {
        var associatedData = ClientRecord.AssociatedData(client.Id);
        var identity = protector.Unprotect(client.ProtectedIdentity, associatedData);
        var codeHash = protector.LookupHash(identity.PersonalCode);
        var formerCodeHash = identity.FormerPersonalCode is { } former ? protector.LookupHash(former) : null;
        var encrypted = protector.KeyIdOf(client.ProtectedIdentity) == protector.ActiveKeyId;
        var hashed = codeHash.AsSpan().SequenceEqual(client.PersonalCodeHash)
            && (formerCodeHash ?? []).AsSpan().SequenceEqual(client.FormerPersonalCodeHash ?? []);
        if (encrypted && hashed)
        {
            return null;
        }

        return client with
        {
            PersonalCodeHash = codeHash,
            FormerPersonalCodeHash = formerCodeHash,
            ProtectedIdentity = encrypted ? client.ProtectedIdentity : protector.Protect(identity, associatedData),
        };
    }

    private PersonCopy? Reencrypt(PersonCopy copy)
    {
        if (protector.KeyIdOf(copy.ProtectedIdentity) == protector.ActiveKeyId)
        {
            return null;
        }

        var associatedData = ProtectedPerson.AssociatedData(copy.TransferId);
        return copy with { ProtectedIdentity = protector.Protect(protector.Unprotect(copy.ProtectedIdentity, associatedData), associatedData) };
    }

    private bool IsUnder(ClientRecord client, int keyId)
    {
        if (protector.KeyIdOf(client.ProtectedIdentity) == keyId)
        {
            return true;
        }

        var identity = protector.Unprotect(client.ProtectedIdentity, ClientRecord.AssociatedData(client.Id));
        return protector.LookupKeyIdOf(identity.PersonalCode, client.PersonalCodeHash) == keyId
            || (identity.FormerPersonalCode is { } former && client.FormerPersonalCodeHash is { } formerHash
                && protector.LookupKeyIdOf(former, formerHash) == keyId);
    }
}

/// <summary>How many client rows and person copies a re-encryption looked at and how many it rewrote.</summary>
public sealed record ReencryptionResult(int Examined, int Changed);
