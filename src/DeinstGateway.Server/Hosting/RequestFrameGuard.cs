using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using DeinstGateway.Server.Errors;
using DeinstGateway.Server.Limits;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Net.Compression;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.Extensions.Options;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// Puts a <see cref="CheckedRequestBody"/> under every gRPC call, so that a truncated frame, a
/// lying length prefix, bytes that are no request message, bad compression or stray bytes after a
/// unary request are the caller's error (INVALID_ARGUMENT), and an oversize message or an
/// overfull connection RESOURCE_EXHAUSTED, before any service reads it. It also refuses, through
/// the same body, what grpc-dotnet would let pass: a grpc-timeout too short to be a deadline
/// (grpc-dotnet reads 0S as no deadline at all) and anonymous calls beyond their cap.
/// </summary>
public sealed class RequestFrameGuard(RequestDelegate next, GatewayOptions gateway, IOptions<GrpcServiceOptions> grpc)
{
    // Anonymous callers reach only the health service, whose request holds a service name.
    private const int AnonymousMaxMessageBytes = 1024;

    private readonly ConcurrentDictionary<IMethod, (MessageParser Parser, string TypeName)?> _parsers = new();
    private readonly IReadOnlyDictionary<string, ICompressionProvider> _compression =
        grpc.Value.CompressionProviders.ToDictionary(p => p.EncodingName, StringComparer.Ordinal);

    private readonly ConnectionBudgets _budgets = new(gateway.MaxBufferedBytesPerConnection);
    private int _anonymousCalls;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null)
        {
            await InvokeJsonAsync(context);
            return;
        }

        if (endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } method
            || _parsers.GetOrAdd(method.Method, RequestParser) is not { } request)
        {
            await next(context);
            return;
        }

        var anonymous = context.User.Identity?.IsAuthenticated != true;
        var refusal = Refusal(context.Request.Headers);
        if (anonymous && Interlocked.Increment(ref _anonymousCalls) > gateway.MaxAnonymousCalls)
        {
            refusal ??= new RpcException(new Status(StatusCode.ResourceExhausted, "Too many calls without a client certificate are in progress; retry later."));
        }

        var encoding = context.Request.Headers["grpc-encoding"].ToString();
        var rules = new RequestFrameRules(
            request.Parser,
            request.TypeName,
            SingleMessage: method.Method.Type is MethodType.Unary or MethodType.ServerStreaming,
            Compression: _compression.GetValueOrDefault(encoding),
            MaxMessageBytes: anonymous ? Math.Min(AnonymousMaxMessageBytes, gateway.MaxReceiveMessageBytes) : gateway.MaxReceiveMessageBytes);
        var connection = context.Connection.Id;
        var budget = _budgets.Enter(connection);
        var body = new CheckedRequestBody(context.Request.Body, rules, budget, refusal);
        context.Request.Body = body;
        try
        {
            await next(context);
        }
        finally
        {
            await body.DisposeAsync();
            _budgets.Leave(connection, budget);
            if (anonymous)
            {
                Interlocked.Decrement(ref _anonymousCalls);
            }
        }
    }

    /// <summary>
    /// A REST/JSON call: authenticated already (the fallback policy), so only its body is checked,
    /// read whole against the same connection budget and size cap as a gRPC message.
    /// </summary>
    private async Task InvokeJsonAsync(HttpContext context)
    {
        var connection = context.Connection.Id;
        var budget = _budgets.Enter(connection);
        MessageBuffer? body = null;
        try
        {
            (body, var refusal) = await JsonRequestBody.ReadAsync(context.Request, budget, gateway.MaxReceiveMessageBytes);
            if (refusal is not null)
            {
                await JsonStatus.WriteAsync(context.Response, refusal);
                return;
            }

            context.Request.Body = JsonRequestBody.AsStream(body!);
            await next(context);
        }
        finally
        {
            body?.Dispose();
            _budgets.Leave(connection, budget);
        }
    }

    /// <summary>
    /// A grpc-timeout that is not one by the gRPC specification (1 to 8 digits and a unit) is
    /// INVALID_ARGUMENT; one shorter than the clock's tick is a deadline already passed.
    /// </summary>
    private static RpcException? Refusal(IHeaderDictionary headers)
    {
        if (!headers.TryGetValue("grpc-timeout", out var values))
        {
            return null;
        }

        var text = values.ToString();
        if (text.Length is < 2 or > 9
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return InvalidTimeout(text);
        }

        long? ticks = text[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * TimeSpan.TicksPerMicrosecond,
            'n' => amount / TimeSpan.NanosecondsPerTick,
            _ => null,
        };
        return ticks switch
        {
            null => InvalidTimeout(text),
            0 => LimitErrors.PastDeadline(),
            _ => null,
        };
    }

    private static RpcException InvalidTimeout(string text) => new(new Status(
        StatusCode.InvalidArgument, $"The grpc-timeout header '{text}' is not a timeout: 1 to 8 digits followed by H, M, S, m, u or n."));

    // Methods are Method<TRequest, TResponse>; every request type of the gateway is a protobuf message with a static Parser.
    private static (MessageParser Parser, string TypeName)? RequestParser(IMethod method)
    {
        var type = method.GetType().GetGenericArguments()[0];
        return type.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is MessageParser parser
            ? (parser, type.Name)
            : null;
    }
}

/// <summary>What the frames of one call must be: messages of one type, how many, how compressed, how large.</summary>
internal sealed record RequestFrameRules(
    MessageParser Parser, string RequestTypeName, bool SingleMessage, ICompressionProvider? Compression, int MaxMessageBytes);
