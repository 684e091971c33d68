using System.Diagnostics;
using System.Diagnostics.Metrics;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Server.Identity;
using Google.Rpc;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace DeinstGateway.Server.Telemetry;

/// <summary>
/// Every instrument of the gateway's meter, <c>DeinstGateway</c>. Their tags name methods,
/// institutions (an institution code is not personal), statuses and reasons, all from closed
/// sets: never a person, a client, a transfer or anything a caller wrote.
/// </summary>
public sealed class GatewayMetrics : IAccessLogObserver
{
    public const string MeterName = "DeinstGateway";

    private const string Anonymous = "anonymous";

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _streamMessages;
    private readonly UpDownCounter<long> _openFeeds;
    private readonly Histogram<long> _accessLogCommitEntries;
    private readonly Histogram<double> _accessLogCommitDuration;

    public GatewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>(
            "deinst.gateway.calls", "{call}", "Calls that reached a gateway method, by method, institution and status.");
        _callDuration = meter.CreateHistogram<double>(
            "deinst.gateway.call.duration", "s", "How long calls took, whole streams included, by method, institution and status.");
        _rejected = meter.CreateCounter<long>(
            "deinst.gateway.calls.rejected", "{call}",
            "Calls refused before or instead of their work, by reason: unauthenticated, permission, a limit, invalid input.");
        _streamMessages = meter.CreateCounter<long>(
            "deinst.gateway.stream.messages", "{message}", "Messages of the ingest streams, by stream and outcome.");
        _openFeeds = meter.CreateUpDownCounter<long>(
            "deinst.gateway.feeds.open", "{feed}", "Feeds (WatchTransfers, WatchCapacity) open on this process.");
        _accessLogCommitEntries = meter.CreateHistogram<long>(
            "deinst.gateway.access_log.commit.entries", "{entry}", "Access-log entries of reads written per group commit.");
        _accessLogCommitDuration = meter.CreateHistogram<double>(
            "deinst.gateway.access_log.commit.duration", "s", "How long one group commit of the access log took, its wait for the write lock included.");
    }

    /// <summary>A call that reached the gateway's interceptors has ended with this status.</summary>
    public void CallEnded(ServerCallContext context, StatusCode status, Google.Rpc.Status? details, long startedTimestamp)
    {
        var (service, method) = Split(context.Method);
        var tags = new TagList
        {
            { "rpc.service", service },
            { "rpc.method", method },
            { "deinst.institution", InstitutionOf(context.GetHttpContext()) },
            { "rpc.grpc.status_code", (int)status },
        };
        _calls.Add(1, tags);
        _callDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, tags);
        if (RejectionReason(status, details) is { } reason)
        {
            Rejected(context.GetHttpContext(), reason);
        }
    }

    /// <summary>A refused call; also one that authentication answered before any interceptor ran.</summary>
    public void Rejected(HttpContext http, string reason)
    {
        // Only a routed gRPC method names the call: a path is the caller's text.
        var (service, method) = Split(http.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? "/unknown/unknown");
        _rejected.Add(1, new TagList
        {
            { "rpc.service", service },
            { "rpc.method", method },
            { "deinst.institution", InstitutionOf(http) },
            { "reason", reason },
        });
    }

    /// <summary>The answers of one committed batch of SubmitTransfers.</summary>
    public void TransfersAnswered(IEnumerable<SubmitResult> results)
    {
        foreach (var outcome in results.GroupBy(r => r.Outcome))
        {
            StreamMessages("SubmitTransfers", outcome.Key.ToString().ToLowerInvariant(), outcome.Count());
        }
    }

    /// <summary>The records of one committed batch of RecordServices or RecordServiceBatches.</summary>
    public void RecordsAnswered(int created, int duplicate, int rejected)
    {
        StreamMessages("RecordServices", "created", created);
        StreamMessages("RecordServices", "duplicate", duplicate);
        StreamMessages("RecordServices", "rejected", rejected);
    }

    /// <summary>A feed is open until the returned handle is disposed.</summary>
    public IDisposable FeedOpened(string fullMethod)
    {
        var tags = new TagList { { "rpc.method", Split(fullMethod).Method } };
        _openFeeds.Add(1, tags);
        return new FeedHandle(_openFeeds, tags);
    }

    public void Committed(int entries, TimeSpan duration)
    {
        _accessLogCommitEntries.Record(entries);
        _accessLogCommitDuration.Record(duration.TotalSeconds);
    }

    /// <summary>
    /// Refusals, as distinct from outcomes of the work (not found, conflict, precondition): the
    /// google.rpc reason when the status has one (RATE_LIMITED, PURPOSE_MISSING …), else the status.
    /// </summary>
    private static string? RejectionReason(StatusCode status, Google.Rpc.Status? details)
    {
        var refusal = status switch
        {
            StatusCode.Unauthenticated => "unauthenticated",
            StatusCode.PermissionDenied => "permission_denied",
            StatusCode.InvalidArgument => "invalid_argument",
            StatusCode.ResourceExhausted => "resource_exhausted",
            StatusCode.DeadlineExceeded => "deadline_exceeded",
            _ => null,
        };
        return refusal is null ? null : details?.GetDetail<ErrorInfo>()?.Reason.ToLowerInvariant() ?? refusal;
    }

    private void StreamMessages(string stream, string outcome, int count)
    {
        if (count > 0)
        {
            _streamMessages.Add(count, new TagList { { "deinst.stream", stream }, { "outcome", outcome } });
        }
    }

    private static string InstitutionOf(HttpContext http) => http.User.FindFirst(CallerClaims.InstitutionCode)?.Value ?? Anonymous;

    /// <summary>"/deinst.v1.RegistryService/GetInstitution" as its service and method.</summary>
    private static (string Service, string Method) Split(string fullMethod)
    {
        var slash = fullMethod.LastIndexOf('/');
        return slash > 0 ? (fullMethod[1..slash], fullMethod[(slash + 1)..]) : ("unknown", "unknown");
    }

    private sealed class FeedHandle(UpDownCounter<long> openFeeds, TagList tags) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                openFeeds.Add(-1, tags);
            }
        }
    }
}
