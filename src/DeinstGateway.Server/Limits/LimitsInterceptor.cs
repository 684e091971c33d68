using DeinstGateway.Core.Time;
using DeinstGateway.Server.Identity;
using DeinstGateway.Server.Telemetry;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DeinstGateway.Server.Limits;

/// <summary>
/// Admits every call (deadline not yet passed, the institution within its call rate), hands the
/// call's deadline to its writes, and bounds the request streams of client-streaming and
/// bidirectional calls. Server streams are the feeds: their idle time is normal and bounded by
/// their heartbeats, but how many an institution holds open at once is capped. When the process
/// begins to stop, request streams end as if the client had closed them: what arrived is finished
/// and answered, and the call ends with UNAVAILABLE.
/// </summary>
public sealed class LimitsInterceptor(
    CallRateLimiter rateLimiter,
    OpenFeeds openFeeds,
    LimitsOptions options,
    IHostApplicationLifetime lifetime,
    GatewayMetrics metrics,
    ILogger<LimitsInterceptor> logger)
    : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        using var limited = new LimitedStreamReader<TRequest>(requestStream, options, context.CancellationToken, lifetime.ApplicationStopping);
        var response = await continuation(limited, context);
        ThrowIfCut(limited, context);
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        // Anonymous server streams are the health service's watch, outside the institutions' feeds.
        var institution = Institution(context);
        using var slot = institution is null ? null : openFeeds.TryOpen(institution);
        if (institution is not null && slot is null)
        {
            LimitsLog.FeedRefused(logger, institution, context.Method);
            throw LimitErrors.TooManyFeeds(options.MaxOpenFeedsPerInstitution);
        }

        using var open = slot is null ? null : metrics.FeedOpened(context.Method);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        using var limited = new LimitedStreamReader<TRequest>(requestStream, options, context.CancellationToken, lifetime.ApplicationStopping);
        await continuation(limited, responseStream, context);
        ThrowIfCut(limited, context);
    }

    private void Admit(ServerCallContext context)
    {
        // The call's writes check its deadline before they commit (the stores know it only
        // through the call's scope). It may pass while a call waits for authentication or a
        // connection slot; one that starts past it must not begin a write the caller has already
        // given up on.
        var deadline = context.GetHttpContext().RequestServices.GetRequiredService<CallDeadline>();
        deadline.Set(new DateTimeOffset(context.Deadline, TimeSpan.Zero));
        if (deadline.HasPassed)
        {
            throw LimitErrors.PastDeadline();
        }

        // Anonymous calls reach only the health service, which probes must always be able to ask.
        if (Institution(context) is { } institution && rateLimiter.TryAcquire(institution) is { } retryAfter)
        {
            LimitsLog.RateLimited(logger, institution, context.Method);
            throw LimitErrors.TooManyCalls(options.CallsPerSecond, retryAfter);
        }
    }

    private void ThrowIfCut<TRequest>(LimitedStreamReader<TRequest> limited, ServerCallContext context)
    {
        if (limited.Cut is { } cut)
        {
            LimitsLog.StreamEnded(logger, Institution(context) ?? "anonymous", context.Method, cut.Status.Detail);
            throw cut;
        }
    }

    private static string? Institution(ServerCallContext context) =>
        context.GetHttpContext().User.FindFirst(CallerClaims.InstitutionCode)?.Value;
}
