namespace DeinstGateway.Core.Clients;

/// <summary>Walks the client rows in id order for a key rotation; implemented by the persistence layer.</summary>
public interface IClientKeyStore
{
    /// <summary>
    /// Opens one write transaction over the next <paramref name="limit"/> clients after
    /// <paramref name="afterId"/> in id order (from the first when null), taken the way a
    /// submission batch takes its writes, so that no submission changes them before it commits.
    /// </summary>
    Task<IClientRewrite> BeginRewriteAsync(string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>The next <paramref name="limit"/> clients after <paramref name="afterId"/> in id order, without a write transaction.</summary>
    Task<IReadOnlyList<ClientRecord>> ReadAsync(string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>As <see cref="BeginRewriteAsync"/>, over the copies of a person that transfers keep (by transfer id).</summary>
    Task<IPersonCopyRewrite> BeginPersonCopyRewriteAsync(string? afterTransferId, int limit, CancellationToken cancellationToken);

    /// <summary>As <see cref="ReadAsync"/>, over the copies of a person that transfers keep.</summary>
    Task<IReadOnlyList<PersonCopy>> ReadPersonCopiesAsync(string? afterTransferId, int limit, CancellationToken cancellationToken);
}

/// <summary>The person as a transfer keeps them (<see cref="ProtectedPerson"/>), by the transfer's id.</summary>
public sealed record PersonCopy(string TransferId, byte[] ProtectedIdentity);

public interface IPersonCopyRewrite : IAsyncDisposable
{
    IReadOnlyList<PersonCopy> Copies { get; }

    Task CommitAsync(IReadOnlyCollection<PersonCopy> changed, CancellationToken cancellationToken);
}

/// <summary>One batch of a rewrite: the clients it read and, on commit, what replaces them.</summary>
public interface IClientRewrite : IAsyncDisposable
{
    IReadOnlyList<ClientRecord> Clients { get; }

    /// <summary>Stores the look-up hashes and protected identities of <paramref name="changed"/> and commits.</summary>
    Task CommitAsync(IReadOnlyCollection<ClientRecord> changed, CancellationToken cancellationToken);
}
