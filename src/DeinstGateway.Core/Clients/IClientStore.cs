using DeinstGateway.Core.Audit;

namespace DeinstGateway.Core.Clients;

/// <summary>Where clients and their relations live; implemented by the persistence layer.</summary>
public interface IClientStore
{
    Task<ClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>The client stored under any of these hashes of its current or former personal code.</summary>
    Task<ClientRecord?> FindByCodeAsync(IReadOnlyCollection<byte[]> codeHashes, CancellationToken cancellationToken);

    /// <summary>Whether the client exists and whether it lies in the scope.</summary>
    Task<ClientReach> ReachAsync(string clientId, ClientScope scope, CancellationToken cancellationToken);

    /// <summary>Every relation of these clients, ended ones included, oldest first.</summary>
    Task<IReadOnlyList<ClientRelation>> RelationsAsync(IReadOnlyCollection<string> clientIds, CancellationToken cancellationToken);

    /// <summary>Clients in the scope matching the filter with an id after <paramref name="afterId"/>, ordered by id.</summary>
    Task<IReadOnlyList<ClientRecord>> ListAsync(
        ClientScope scope, ClientFilter filter, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the client's new look-up hashes and protected identity with the access entry of the
    /// change; throws <see cref="Errors.ConflictException"/> when another client holds the new code.
    /// </summary>
    Task ChangeCodeAsync(ClientRecord changed, AccessEntry access, CancellationToken cancellationToken);

    /// <summary>Opens one write transaction that registers a client.</summary>
    Task<IClientRegistration> BeginRegistrationAsync(CancellationToken cancellationToken);
}

public enum ClientReach
{
    Unknown,
    OutOfScope,
    InScope,
}

/// <param name="HasValidSupportPlan">Only clients with (true) or without (false) a support plan valid on the scope's day.</param>
public sealed record ClientFilter(TargetGroup? TargetGroup, bool? HasValidSupportPlan);

/// <summary>A registration earlier sent under the same request id by the same municipality.</summary>
public sealed record KnownRegistration(string ClientId, byte[] ContentHash);

public interface IClientRegistration : IAsyncDisposable
{
    Task<KnownRegistration?> FindRequestAsync(string municipalityCode, string requestId, CancellationToken cancellationToken);

    Task<ClientRecord?> FindByCodeAsync(IReadOnlyCollection<byte[]> codeHashes, CancellationToken cancellationToken);

    /// <summary>Stores the client, the municipality's responsibility and the request that made it, with its access entry, and commits.</summary>
    Task CommitAsync(
        ClientRecord client, ClientRelation responsibility, string requestId, byte[] contentHash, AccessEntry access, CancellationToken cancellationToken);
}
