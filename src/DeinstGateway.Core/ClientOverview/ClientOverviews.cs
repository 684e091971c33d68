using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Core.SupportPlans;
using DeinstGateway.Core.Time;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.ClientOverview;

/// <summary>What was delivered of one service this calendar year and, where the programme caps it for the client, what remains.</summary>
public sealed record ServiceUse(ServiceType ServiceType, long DeliveredThisYear, ServiceUnit Unit, long? YearlyCap, long? Remaining);

/// <summary>
/// One client on one screen, shaped by who asks: relations and services to those who coordinate
/// or serve the client, support plans to those who may read them, transfers as the caller's
/// transfer scope shows them, and the person only where the call may show it.
/// </summary>
public sealed record ClientOverviewView(
    ClientView Client,
    IReadOnlyList<ClientRelation>? Relations,
    IReadOnlyList<TransferView> Transfers,
    IReadOnlyList<SupportPlan>? SupportPlans,
    IReadOnlyList<ServiceUse>? Services)
{
    /// <summary>The caller's transfers of the client whose sender described the person otherwise than the client record.</summary>
    public IEnumerable<string> TransfersWithOtherPersonDetails => Client.Identity is { } identity
        ? Transfers.Where(t => t.Person is { } sent
                && (sent.Identity.GivenName != identity.GivenName || sent.Identity.FamilyName != identity.FamilyName || sent.BirthDate != Client.Client.BirthDate))
            .Select(t => t.Transfer.Id)
        : [];
}

/// <summary>
/// Composes the back office's view of a client from the capabilities that hold its parts; each
/// part follows that capability's own scope rules. Lives apart from Clients and Transfers so that
/// neither depends on the other.
/// </summary>
public sealed class ClientOverviews(
    IClientStore clients,
    ClientGuard guard,
    TransferQueries transfers,
    ISupportPlanStore supportPlans,
    IServiceRecordStore serviceRecords,
    IRegistrySnapshotSource registry,
    PersonalDataProtector protector,
    IAccessLog accessLog,
    GatewayCalendar calendar)
{
    private const int MaxListed = 100;
    private const int RecordsPerRead = 1000;

    public async Task<ClientOverviewView> GetAsync(Caller caller, string clientId, CancellationToken cancellationToken)
    {
        var scope = await guard.EnsureReachesAsync(caller, Rpcs.GetClient, clientId, "client", "clients/" + clientId, cancellationToken);
        var client = ClientView.Of(caller, Rpcs.GetClient, (await clients.FindAsync(clientId, cancellationToken))!, protector);

        // A care centre reaches the client only through what it sent: where the person went on
        // from there, and what they receive, is not its business.
        var coordinates = scope.Kind != ClientScopeKind.Sent;
        var relations = coordinates ? await clients.RelationsAsync([clientId], cancellationToken) : null;
        var visibleTransfers = await transfers.ListOfClientWithoutLoggingAsync(caller, clientId, MaxListed, cancellationToken);
        var plans = AccessMatrix.Find(Rpcs.ListSupportPlans, caller.Kind) is not null
            ? await supportPlans.ListAsync(clientId, null, MaxListed, cancellationToken)
            : null;
        var services = coordinates ? await ServicesThisYearAsync(client.Client, cancellationToken) : null;

        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return new ClientOverviewView(client, relations, visibleTransfers, plans, services);
    }

    private async Task<IReadOnlyList<ServiceUse>> ServicesThisYearAsync(ClientRecord client, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var year = CapPeriods.CalendarYearOf(today);
        var records = new List<ServiceRecord>();
        string? after = null;
        IReadOnlyList<ServiceRecord> page;
        do
        {
            page = await serviceRecords.ListAsync(null, new ServiceRecordFilter(client.Id, null, null, false), after, RecordsPerRead, cancellationToken);
            records.AddRange(page.Where(r => r.Period.FirstDay <= year.LastDay && r.Period.LastDay >= year.FirstDay));
            after = page.Count > 0 ? page[^1].Id : null;
        }
        while (page.Count == RecordsPerRead);

        var snapshot = await registry.GetAsync(cancellationToken);
        var age = PersonAge.YearsOn(client.BirthDate, today);
        return records
            .GroupBy(r => r.ServiceType)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var delivered = g.Sum(r => r.Quantity);
                var cap = snapshot.Find(g.Key)?.Limits.FirstOrDefault(l =>
                    l.Kind == ServiceLimitKind.QuantityCap && l.Period == LimitPeriod.CalendarYear
                    && (l.MinAgeYears is null || age >= l.MinAgeYears) && (l.MaxAgeYears is null || age <= l.MaxAgeYears));
                return new ServiceUse(
                    g.Key, delivered, snapshot.Find(g.Key)?.Unit ?? g.First().Unit, cap?.MaxQuantity, cap is null ? null : Math.Max(0, cap.MaxQuantity - delivered));
            })
            .ToList();
    }
}
