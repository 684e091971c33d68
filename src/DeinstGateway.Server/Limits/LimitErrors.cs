using System.Globalization;
using DeinstGateway.Server.Errors;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Limits;

/// <summary>The statuses with which a limit ends a call, each with a google.rpc <c>ErrorInfo</c> reason.</summary>
public static class LimitErrors
{
    public const string RateLimited = "RATE_LIMITED";
    public const string StreamMessageLimit = "STREAM_MESSAGE_LIMIT";
    public const string StreamIdle = "STREAM_IDLE";
    public const string OpenFeedLimit = "OPEN_FEED_LIMIT";

    public static RpcException TooManyCalls(int callsPerSecond, TimeSpan retryAfter) => Error(
        Code.ResourceExhausted,
        RateLimited,
        ("calls_per_second", callsPerSecond),
        "This institution is over its call rate; retry after the delay in RetryInfo.",
        new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });

    public static RpcException TooManyMessages(int maxMessages) => Error(
        Code.ResourceExhausted,
        StreamMessageLimit,
        ("max_messages", maxMessages),
        $"The stream sent more than {maxMessages} messages; the first {maxMessages} were handled, send the rest in a new stream.");

    public static RpcException Idle(int idleSeconds) => Error(
        Code.DeadlineExceeded,
        StreamIdle,
        ("idle_seconds", idleSeconds),
        $"The stream sent nothing for {idleSeconds} s and was ended; what it sent before was handled, send the rest in a new stream.");

    public static RpcException TooManyFeeds(int maxOpenFeeds) => Error(
        Code.ResourceExhausted,
        OpenFeedLimit,
        ("max_open_feeds", maxOpenFeeds),
        $"This institution already has {maxOpenFeeds} feeds open on this gateway; close one before opening another.");

    public static RpcException Stopping() =>
        RpcErrors.Build(
                Code.Unavailable,
                "This gateway process is stopping; the messages answered before were handled, send the rest to another one.",
                RpcErrors.Info(Core.Errors.GatewayStoppingException.Reason))
            .ToRpcException();

    public static RpcException PastDeadline() =>
        RpcErrors.Build(Code.DeadlineExceeded, "The call's deadline had passed before it started; nothing was done.", RpcErrors.Info(Core.Errors.DeadlinePassedException.Reason))
            .ToRpcException();

    private static RpcException Error(Code code, string reason, (string Key, int Value) limit, string message, params IMessage[] more)
    {
        var info = RpcErrors.Info(reason);
        info.Metadata.Add(limit.Key, limit.Value.ToString(CultureInfo.InvariantCulture));
        return RpcErrors.Build(code, message, [info, .. more]).ToRpcException();
    }
}
