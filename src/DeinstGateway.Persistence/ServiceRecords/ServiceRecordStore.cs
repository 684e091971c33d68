using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.ServiceRecords;

internal sealed class ServiceRecordStore(
    GatewayDbContext db, ISupportPlanStore supportPlans, IWriteSerializer writeSerializer, AccessLogAppender accessLog) : IServiceRecordStore
{
    public async Task<IServiceRecordBatch> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The batch appends to the access log: taking the write lock first keeps its order with every other appender.
        await writeSerializer.EnterAsync(db, cancellationToken);
        return new Batch(db, supportPlans, transaction, accessLog);
    }

    public async Task<IReadOnlyList<ServiceRecord>> ListAsync(
        ServiceRecordScope? scope, ServiceRecordFilter filter, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var query = InScope(db.ServiceRecords.AsNoTracking(), scope);
        if (!filter.ShowWithdrawn)
        {
            query = query.Where(r => r.WithdrawTime == null);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(r => r.ClientId == client);
        }

        if (filter.ProviderCode is { } provider)
        {
            query = query.Where(r => r.ProviderCode == provider);
        }

        if (filter.ServiceType is { } service)
        {
            query = query.Where(r => r.ServiceType == service);
        }

        if (afterId is not null)
        {
            query = query.Where(r => string.Compare(r.Id, afterId) > 0);
        }

        var rows = await query.OrderBy(r => r.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IReadOnlyList<FundingTotal>> FundingTotalsAsync(
        IReadOnlyCollection<string> providerCodes, DateOnly from, DateOnly until, string? projectCode, CancellationToken cancellationToken) =>
        (await FundingTotalsQuery.Lines(db, providerCodes, from, until, projectCode).ToListAsync(cancellationToken))
            .Select(g => new FundingTotal(g.ServiceType, g.FundingSource, g.ProjectCode, checked((int)g.Records), (Int128)g.CostHigh * ServiceRecordDayTotalRow.CostSplit + g.CostLow))
            .ToList();

    public IAsyncEnumerable<ProjectCost> ProjectCostsAsync(
        IReadOnlyCollection<string> providerCodes, DateOnly from, DateOnly until, IReadOnlyCollection<string> projectCodes, CancellationToken cancellationToken)
    {
        var projects = projectCodes.ToList();
        var providers = providerCodes.ToList();
        return db.ServiceRecords.AsNoTracking()
            .Where(r => providers.Contains(r.ProviderCode) && r.FirstDay >= from && r.FirstDay < until && r.WithdrawTime == null)
            .Where(r => projects.Contains(r.ProjectCode))
            // The funding index's own order: read straight from it, with no sort of a region's records.
            .OrderBy(r => r.ProviderCode).ThenBy(r => r.FirstDay).ThenBy(r => r.FundingSource).ThenBy(r => r.ServiceType)
            .ThenBy(r => r.ProjectCode).ThenBy(r => r.CostCents).ThenBy(r => r.Id)
            .Select(r => new ProjectCost(r.ServiceType, r.FundingSource, r.ProjectCode, r.CostCents))
            .AsAsyncEnumerable();
    }

    public async Task<IServiceRecordWithdrawal> BeginWithdrawalAsync(
        string recordId, string callerCode, ServiceRecordScope? scope, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The withdrawal appends to the access log: taking the write lock first keeps its order with every other appender.
        await writeSerializer.EnterAsync(db, cancellationToken);
        var row = await db.ServiceRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (row is not null && row.RecordedByCode != callerCode
            && !await InScope(db.ServiceRecords, scope).AnyAsync(r => r.Id == recordId, cancellationToken))
        {
            row = null;
        }

        return new RecordWithdrawal(db, transaction, row is null ? null : ToDomain(row), accessLog);
    }

    /// <summary>Where listing and withdrawing agree on which records a caller can see at all.</summary>
    private IQueryable<ServiceRecordRow> InScope(IQueryable<ServiceRecordRow> records, ServiceRecordScope? scope)
    {
        if (scope is null)
        {
            return records;
        }

        var providers = scope.ProviderCodes.ToList();
        if (scope.Clients is null)
        {
            return records.Where(r => providers.Contains(r.ProviderCode));
        }

        // EXISTS per record, through the relations' client index: IN would first collect every
        // client in the scope (tens of thousands for a municipality at national scale) on every page.
        var clients = ClientScopeQuery.ClientIds(db, scope.Clients);
        return records.Where(r => providers.Contains(r.ProviderCode) || clients.Any(id => id == r.ClientId));
    }

    private static ServiceRecord ToDomain(ServiceRecordRow r) => new(
        r.Id, r.ClientId, r.ServiceType, r.ProviderCode, new InclusivePeriod(r.FirstDay, r.LastDay), r.Quantity, r.Unit, r.CostCents,
        r.FundingSource, r.EsfProjectCode, r.RecordedByCode, StoredTime.AsUtc(r.RecordTime), r.ProjectCode, r.RecipientKind,
        r.WithdrawTime is { } withdrawn ? new Withdrawal(StoredTime.AsUtc(withdrawn), r.WithdrawnByCode!, r.WithdrawalReason!.Value) : null);

    private sealed class Batch(GatewayDbContext db, ISupportPlanStore supportPlans, IDbContextTransaction transaction, AccessLogAppender accessLog)
        : IServiceRecordBatch
    {
        // Written with one reused command per batch, as transfers are: EF's per-entity tracking
        // cost more than the inserts themselves. Its insert also claims the request id.
        private static readonly (string, Func<ServiceRecordRow, object?>)[] Columns =
        [
            ("Id", r => r.Id),
            ("RequestId", r => r.RequestId),
            ("ContentHash", r => r.ContentHash),
            ("ClientId", r => r.ClientId),
            ("ServiceType", r => r.ServiceType),
            ("ProviderCode", r => r.ProviderCode),
            ("FirstDay", r => r.FirstDay),
            ("LastDay", r => r.LastDay),
            ("Quantity", r => r.Quantity),
            ("Unit", r => r.Unit),
            ("CostCents", r => r.CostCents),
            ("FundingSource", r => r.FundingSource),
            ("EsfProjectCode", r => r.EsfProjectCode),
            ("ProjectCode", r => r.ProjectCode),
            ("RecipientKind", r => r.RecipientKind),
            ("RecordedByCode", r => r.RecordedByCode),
            ("RecordTime", r => r.RecordTime),
        ];

        private readonly DayTotalChanges _dayTotals = new();
        private RowCommand<ServiceRecordRow>? _insert;

        public async Task<IReadOnlyDictionary<string, byte[]>> FindRequestsAsync(
            string recorderCode, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken)
        {
            var ids = requestIds.Select(StoredUuid.ToBytes).ToList();
            var rows = await db.ServiceRecords.AsNoTracking()
                .Where(r => ids.Contains(r.RequestId) && r.RecordedByCode == recorderCode)
                .Select(r => new { r.RequestId, r.ContentHash })
                .ToListAsync(cancellationToken);
            return rows.ToDictionary(r => StoredUuid.ToText(r.RequestId), r => r.ContentHash, StringComparer.Ordinal);
        }

        public async Task<IReadOnlyDictionary<string, ClientFacts>> ClientFactsAsync(
            IReadOnlyCollection<string> clientIds, IReadOnlyCollection<ServiceType> services, InclusivePeriod window, CancellationToken cancellationToken)
        {
            var clients = clientIds.ToList();
            var serviceList = services.ToList();
            var birthDates = await db.Clients.AsNoTracking().Where(c => clients.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.BirthDate, StringComparer.Ordinal, cancellationToken);
            var relations = (await db.ClientRelations.AsNoTracking().Where(r => clients.Contains(r.ClientId)).ToListAsync(cancellationToken))
                .Select(r => r.ToDomain())
                .ToLookup(r => r.ClientId, StringComparer.Ordinal);
            var earlierRows = serviceList.Count == 0
                ? []
                : await db.ServiceRecords.AsNoTracking()
                    .Where(r => clients.Contains(r.ClientId) && serviceList.Contains(r.ServiceType)
                        && r.LastDay >= window.FirstDay && r.FirstDay <= window.LastDay && r.WithdrawTime == null)
                    .ToListAsync(cancellationToken);
            var earlier = earlierRows.Select(ToDomain).ToLookup(r => r.ClientId, StringComparer.Ordinal);
            var plans = await supportPlans.ListOfClientsAsync(clients, cancellationToken);

            var facts = new Dictionary<string, ClientFacts>(StringComparer.Ordinal);
            foreach (var (id, birthDate) in birthDates)
            {
                facts[id] = new ClientFacts(birthDate, relations[id].ToList(), plans.GetValueOrDefault(id, []), earlier[id].ToList());
            }

            return facts;
        }

        public async ValueTask<byte[]?> TryAddAsync(ServiceRecord record, string requestId, byte[] contentHash, CancellationToken cancellationToken)
        {
            _insert ??= RowCommand<ServiceRecordRow>.InsertUnlessPresent(
                db.Database.GetDbConnection(), transaction.GetDbTransaction(), "service_records", Columns, ["RequestId", "RecordedByCode"]);
            var row = ToRow(record, requestId, contentHash);
            if (await _insert.ExecuteAsync(row, cancellationToken) == 1)
            {
                _dayTotals.Add(record);
                return null;
            }

            return await db.ServiceRecords.AsNoTracking()
                .Where(r => r.RequestId == row.RequestId && r.RecordedByCode == row.RecordedByCode)
                .Select(r => r.ContentHash)
                .SingleAsync(cancellationToken);
        }

        private static ServiceRecordRow ToRow(ServiceRecord record, string requestId, byte[] contentHash) => new()
        {
            Id = record.Id,
            RequestId = StoredUuid.ToBytes(requestId),
            ContentHash = contentHash,
            ClientId = record.ClientId,
            ServiceType = record.ServiceType,
            ProviderCode = record.ProviderCode,
            FirstDay = record.Period.FirstDay,
            LastDay = record.Period.LastDay,
            Quantity = record.Quantity,
            Unit = record.Unit,
            CostCents = record.CostCents,
            FundingSource = record.FundingSource,
            EsfProjectCode = record.EsfProjectCode,
            ProjectCode = record.ProjectCode,
            RecipientKind = record.RecipientKind,
            RecordedByCode = record.RecordedByCode,
            RecordTime = record.RecordTime.UtcDateTime,
        };

        public async Task CommitAsync(IReadOnlyCollection<AccessEntry> accesses, CancellationToken cancellationToken)
        {
            await _dayTotals.WriteAsync(db, cancellationToken);
            await accessLog.AppendAsync(db, accesses, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            _insert?.Dispose();
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }
}
