using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Clients;

/// <summary>
/// Brings every client row under the active keys after a key was added, and tells whether an old
/// key still protects any row before it is retired.
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
        var examined = 0;
        var changed = 0;
        string? afterId = null;
        while (true)
        {
            await using var rewrite = await store.BeginRewriteAsync(afterId, batchSize, cancellationToken);
            if (rewrite.Clients.Count == 0)
            {
                return new ReencryptionResult(examined, changed);
            }

            var rewritten = rewrite.Clients.Select(Reencrypt).OfType<ClientRecord>().ToList();
            await rewrite.CommitAsync(rewritten, cancellationToken);
            examined += rewrite.Clients.Count;
            changed += rewritten.Count;
            afterId = rewrite.Clients[^1].Id;
        }
    }

    /// <summary>
    /// How many clients still need key <paramref name="keyId"/>: encrypted with the encryption key
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

        return count;
    }

    private ClientRecord? Reencrypt(ClientRecord client)
    {
        var associatedData = TransferSubmissions.ClientAssociatedData(client.Id);
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

    private bool IsUnder(ClientRecord client, int keyId)
    {
        if (protector.KeyIdOf(client.ProtectedIdentity) == keyId)
        {
            return true;
        }

        var identity = protector.Unprotect(client.ProtectedIdentity, TransferSubmissions.ClientAssociatedData(client.Id));
        return protector.LookupKeyIdOf(identity.PersonalCode, client.PersonalCodeHash) == keyId
            || (identity.FormerPersonalCode is { } former && client.FormerPersonalCodeHash is { } formerHash
                && protector.LookupKeyIdOf(former, formerHash) == keyId);
    }
}

/// <summary>How many client rows a re-encryption looked at and how many it rewrote.</summary>
public sealed record ReencryptionResult(int Examined, int Changed);
