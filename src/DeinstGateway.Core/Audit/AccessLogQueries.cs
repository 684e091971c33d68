using System.Globalization;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Audit;

/// <summary>
/// Answers "who accessed this person's data, when and why" for the ministry and for a
/// municipality responsible for the client, and checks the chain of the whole log.
/// </summary>
public sealed class AccessLogQueries(IAccessLog accessLog, AccessLogChain chain, ClientGuard clients, GatewayCalendar calendar)
{
    public async Task<Page<ChainedAccessEntry>> ListClientAccessAsync(Caller caller, string clientId, PageRequest page, CancellationToken cancellationToken)
    {
        await clients.EnsureReachesAsync(caller, Rpcs.ListClientAccess, clientId, "client", "clients/" + clientId, cancellationToken);

        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(clientId);
        var before = BeforePosition(PageToken.Decode(page.PageToken, fingerprint));
        var entries = await accessLog.ListForClientAsync(clientId, before, size + 1, cancellationToken);
        var items = entries.Take(size).ToList();

        // The answer reveals whom the person dealt with: it is an access like any other.
        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, clientId, AccessOutcome.Read, calendar.Now)], cancellationToken);
        var next = entries.Count > size
            ? PageToken.Encode(fingerprint, items[^1].Position.ToString(CultureInfo.InvariantCulture))
            : string.Empty;
        return new Page<ChainedAccessEntry>(items, next);
    }

    /// <param name="checkpoint">A checkpoint of an earlier verification, which the log must still hold; optional.</param>
    public Task<ChainVerdict> VerifyAsync(string? checkpoint, CancellationToken cancellationToken) =>
        chain.VerifyAsync(accessLog.ReadAllAsync(cancellationToken), checkpoint, cancellationToken);

    private static long? BeforePosition(string? token) =>
        token is null ? null
        : long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position
        : throw new ValidationException("page_token", "is not a page token issued by this service");
}
