using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// Puts a <see cref="CheckedRequestBody"/> under every gRPC call, so that a truncated frame, a
/// lying length prefix or bytes that are no request message are the caller's error
/// (INVALID_ARGUMENT), and an oversize message RESOURCE_EXHAUSTED, before any service reads it.
/// </summary>
public sealed class RequestFrameGuard(RequestDelegate next, int maxMessageBytes)
{
    private readonly ConcurrentDictionary<IMethod, MessageParser?> _parsers = new();

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc
            && _parsers.GetOrAdd(grpc.Method, RequestParser) is { } parser)
        {
            var encoding = context.Request.Headers["grpc-encoding"].ToString();
            context.Request.Body = new CheckedRequestBody(
                context.Request.Body,
                parser,
                singleMessage: grpc.Method.Type is MethodType.Unary or MethodType.ServerStreaming,
                compressionDeclared: encoding.Length > 0 && encoding != "identity",
                maxMessageBytes);
        }

        return next(context);
    }

    // Methods are Method<TRequest, TResponse>; every request type of the gateway is a protobuf message with a static Parser.
    private static MessageParser? RequestParser(IMethod method) =>
        method.GetType().GetGenericArguments()[0].GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageParser;
}
