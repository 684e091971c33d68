using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.ServiceRecords;

/// <summary>
/// A service delivered to a client, as accepted, and its withdrawal once withdrawn. It names the
/// project whose rules judged it and who received it (the client, or for the client its legal
/// representative or foster family); it counts under the client either way.
/// </summary>
public sealed record ServiceRecord(
    string Id,
    string ClientId,
    ServiceType ServiceType,
    string ProviderCode,
    InclusivePeriod Period,
    long Quantity,
    ServiceUnit Unit,
    long CostCents,
    FundingSource FundingSource,
    string? EsfProjectCode,
    string RecordedByCode,
    DateTimeOffset RecordTime,
    string ProjectCode,
    RecipientKind RecipientKind,
    Withdrawal? Withdrawal = null);

/// <summary>One record as it arrived: names and numbers unchecked.</summary>
public sealed record RecordInput(
    string RequestId,
    string Client,
    int ServiceType,
    string Provider,
    DateInput? FirstDay,
    DateInput? LastDay,
    long Quantity,
    int Unit,
    long CostCents,
    int FundingSource,
    string EsfProjectCode,
    string Project,
    int RecipientKind);

/// <summary>A rejected record: its request id as sent, cut to the length of a valid one (<see cref="Uuid.Echo"/>), and why.</summary>
public sealed record RecordRejection(string RequestId, IReadOnlyList<ServiceRecordViolation> Reasons)
{
    public static RecordRejection Of(RecordInput input, IReadOnlyList<ServiceRecordViolation> reasons) => new(Uuid.Echo(input.RequestId), reasons);
}

/// <summary>
/// The outcome of records: how many were accepted, resent and rejected, and the rejected ones
/// with their reasons, in the order sent. A stream's answer is built with <see cref="Add"/>, which
/// lists at most <see cref="MaxListedRejections"/>: with ids cut to 36 characters and reasons from
/// the rules, the answer stays a few tens of KiB however many records a stream rejects, far under
/// the gateway's message size, so a stream whose records were written always gets its answer.
/// </summary>
public sealed record RecordSummary(int Accepted, int Duplicate, int Rejected, IReadOnlyList<RecordRejection> Rejections)
{
    public const int MaxListedRejections = 100;

    public static RecordSummary None { get; } = new(0, 0, 0, []);

    public RecordSummary(int accepted, int duplicate, IReadOnlyList<RecordRejection> rejections)
        : this(accepted, duplicate, rejections.Count, rejections)
    {
    }

    /// <summary>This outcome followed by <paramref name="next"/>'s: every count, and the rejections up to the listing's cap.</summary>
    public RecordSummary Add(RecordSummary next) => new(
        Accepted + next.Accepted,
        Duplicate + next.Duplicate,
        Rejected + next.Rejected,
        Rejections.Count >= MaxListedRejections ? Rejections : [.. Rejections, .. next.Rejections.Take(MaxListedRejections - Rejections.Count)]);
}

/// <summary>What the rules need to know about a client, read inside the recording transaction.</summary>
public sealed record ClientFacts(
    DateOnly BirthDate,
    IReadOnlyList<ClientRelation> Relations,
    IReadOnlyList<SupportPlan> SupportPlans,
    IReadOnlyList<ServiceRecord> EarlierRecords);

/// <param name="ShowWithdrawn">Withdrawn records too; without it only the records that stand.</param>
public sealed record ServiceRecordFilter(string? ClientId, string? ProviderCode, ServiceType? ServiceType, bool ShowWithdrawn);

/// <summary>The records of one funding-report line and their summed cost (in <see cref="Int128"/>, which no sum of stored amounts overflows).</summary>
public sealed record FundingTotal(ServiceType ServiceType, FundingSource FundingSource, string ProjectCode, int Records, Int128 TotalCents);

/// <summary>One record of a project with a funding split: its line and cost.</summary>
public readonly record struct ProjectCost(ServiceType ServiceType, FundingSource FundingSource, string ProjectCode, long CostCents);

public interface IServiceRecordStore
{
    Task<IServiceRecordBatch> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Records in the scope (null: all), matching the filter, with an id after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<ServiceRecord>> ListAsync(
        ServiceRecordScope? scope, ServiceRecordFilter filter, string? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Per service, funding source and project: the records of these providers (and of the project,
    /// when given) that are not withdrawn and whose first day lies in [from, until), counted and
    /// summed by the database.
    /// </summary>
    Task<IReadOnlyList<FundingTotal>> FundingTotalsAsync(
        IReadOnlyCollection<string> providerCodes, DateOnly from, DateOnly until, string? projectCode, CancellationToken cancellationToken);

    /// <summary>
    /// The records of these projects among those, one at a time, in an order that is the same every
    /// time the same records are read (provider, first day, funding source, service, project, cost,
    /// id): the order the projects' splits follow.
    /// </summary>
    IAsyncEnumerable<ProjectCost> ProjectCostsAsync(
        IReadOnlyCollection<string> providerCodes, DateOnly from, DateOnly until, IReadOnlyCollection<string> projectCodes, CancellationToken cancellationToken);

    /// <summary>
    /// Opens one write transaction that may withdraw one record, read inside it if the caller recorded
    /// it or it lies in the caller's scope (null: all).
    /// </summary>
    Task<IServiceRecordWithdrawal> BeginWithdrawalAsync(string recordId, string callerCode, ServiceRecordScope? scope, CancellationToken cancellationToken);
}

public interface IServiceRecordBatch : IAsyncDisposable
{
    /// <summary>
    /// Content digests of records the institution already stored under these request ids, by request
    /// id, withdrawn ones included: resending a withdrawn record must not bring it back.
    /// </summary>
    Task<IReadOnlyDictionary<string, byte[]>> FindRequestsAsync(
        string recorderCode, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken);

    /// <summary>Facts about each known client; earlier records (not withdrawn) limited to the services and days given.</summary>
    Task<IReadOnlyDictionary<string, ClientFacts>> ClientFactsAsync(
        IReadOnlyCollection<string> clientIds, IReadOnlyCollection<ServiceType> services, InclusivePeriod window, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the record unless the institution already stored one under the request id (withdrawn
    /// ones included); then it stores nothing and answers that record's content digest.
    /// </summary>
    ValueTask<byte[]?> TryAddAsync(ServiceRecord record, string requestId, byte[] contentHash, CancellationToken cancellationToken);

    /// <summary>Appends the access-log entries of the records' writing and commits.</summary>
    Task CommitAsync(IReadOnlyCollection<AccessEntry> accesses, CancellationToken cancellationToken);
}

public interface IServiceRecordWithdrawal : IAsyncDisposable
{
    /// <summary>The record as it is inside this transaction, or null when it does not exist or lies outside the scope.</summary>
    ServiceRecord? Record { get; }

    /// <summary>
    /// Stores the withdrawal of <see cref="Record"/> with its access-log entry if the record still
    /// stands in the database; false, writing nothing, when another process withdrew it first.
    /// </summary>
    Task<bool> TryWithdrawAsync(Withdrawal withdrawal, AccessEntry access, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
