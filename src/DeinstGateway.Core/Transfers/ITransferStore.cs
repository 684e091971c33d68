using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Transfers;

/// <summary>Where transfers, clients and the feed live; implemented by the persistence layer.</summary>
public interface ITransferStore
{
    /// <summary>Opens one write transaction for a batch of submissions.</summary>
    Task<ISubmissionBatch> BeginSubmissionAsync(CancellationToken cancellationToken);

    /// <summary>Opens one write transaction that changes the state of one transfer, if it lies in the scope.</summary>
    Task<ITransferChange> BeginChangeAsync(string transferId, TransferScope scope, CancellationToken cancellationToken);

    /// <summary>The transfer, and whether it lies in the scope; null when it does not exist.</summary>
    Task<(TransferRecord Record, bool InScope)?> FindAsync(string transferId, TransferScope scope, CancellationToken cancellationToken);

    /// <summary>Transfers in scope matching the filter with an id after <paramref name="afterId"/>, ordered by id.</summary>
    Task<IReadOnlyList<TransferRecord>> ListAsync(
        TransferScope scope, TransferFilter filter, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>State changes of transfers in scope with a sequence in (after, through], in order.</summary>
    Task<IReadOnlyList<TransferFeedItem>> ReadFeedAsync(
        TransferScope scope, long afterSequence, long throughSequence, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The highest sequence committed so far (0 when there is none). Commits happen in sequence
    /// order, so every smaller sequence is committed too.
    /// </summary>
    Task<long> LatestSequenceAsync(CancellationToken cancellationToken);
}

/// <summary>A transfer with its history and the person as its sender sent them, still protected.</summary>
public sealed record TransferRecord(Transfer Transfer, IReadOnlyList<TransferStateChange> History, ProtectedPerson Person);

public sealed record TransferFilter(
    TransferState? State,
    string? SourceCode,
    string? DestinationMunicipalityCode,
    DateTimeOffset? UpdatedSince,
    string? ClientId = null);

/// <summary>
/// A state change as the feed carries it, with the transfer's non-personal routing fields and
/// the client it is about (for the access log; the feed does not send it).
/// </summary>
public sealed record TransferFeedItem(
    TransferStateChange Change,
    string CaseNumber,
    string SourceCode,
    string DestinationMunicipalityCode,
    string ClientId);

/// <summary>What a submission batch already finds in the database, inside its transaction.</summary>
public sealed record SubmissionLookup(
    IReadOnlyList<KnownTransfer> Transfers,
    IReadOnlyList<ClientRecord> Clients);

/// <summary>The idempotency facts of an existing transfer: its business key, and the request id its submitter sent it with.</summary>
public sealed record KnownTransfer(string Id, string BusinessKey, string SubmitterCode, string RequestId, byte[] ContentHash);

public interface ISubmissionBatch : IAsyncDisposable
{
    /// <summary>Transfers under any of the business keys or sent by the submitter with any of the request ids, and clients under any of the hashes.</summary>
    Task<SubmissionLookup> FindAsync(
        IReadOnlyCollection<string> businessKeys,
        string submitterCode,
        IReadOnlyCollection<string> requestIds,
        IReadOnlyCollection<byte[]> personalCodeHashes,
        CancellationToken cancellationToken);

    void AddClient(ClientRecord client);

    /// <summary>Adds a transfer; the access-log entry of writing its client commits with it.</summary>
    void AddTransfer(NewTransfer transfer, AccessEntry access);

    /// <summary>
    /// Writes everything added and commits. Throws <see cref="Errors.WriteConflictException"/> when
    /// another process wrote one of the same keys meanwhile; the batch is then looked at again.
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>A transfer to create, with the idempotency keys it is stored under, its first state change and the person as sent.</summary>
public sealed record NewTransfer(
    Transfer Transfer,
    string SubmitterCode,
    string BusinessKey,
    string RequestId,
    byte[] ContentHash,
    TransferStateChange Submitted,
    ProtectedPerson Person);

public interface ITransferChange : IAsyncDisposable
{
    /// <summary>The transfer as it is inside this transaction, or null when it does not exist or lies outside the scope.</summary>
    Transfer? Transfer { get; }

    /// <summary>
    /// Takes a free place, counted against the declaration in force on <paramref name="onDate"/>;
    /// false when all are taken or reserved (or none are declared).
    /// </summary>
    Task<bool> ReservePlaceAsync(string providerCode, ServiceType service, DateOnly onDate, CancellationToken cancellationToken);

    Task OccupyReservedPlaceAsync(string providerCode, ServiceType service, CancellationToken cancellationToken);

    Task ReleaseReservedPlaceAsync(string providerCode, ServiceType service, CancellationToken cancellationToken);

    /// <summary>
    /// One resident fewer, from <paramref name="from"/> on, at the first of these care institutions
    /// that has declared its occupancy (the declaration in force that day and every later one);
    /// nothing when none has. Never below zero.
    /// </summary>
    Task LowerResidentsAsync(IReadOnlyList<string> institutionCodes, DateOnly from, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the new state if the transfer is still at the version this change read;
    /// otherwise throws <see cref="Errors.ConcurrencyException"/>.
    /// </summary>
    Task SaveAsync(Transfer changed, TransferStateChange change, RelationChanges relations, AccessEntry access, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
