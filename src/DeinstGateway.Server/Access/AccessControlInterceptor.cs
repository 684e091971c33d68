using DeinstGateway.Core.Access;
using DeinstGateway.Server.Identity;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DeinstGateway.Server.Access;

/// <summary>
/// Enforces the access matrix before any gateway method runs, for all four kinds of call: the
/// caller's kind must have a row for the method and, where the call carries personal data, the
/// declared purpose must be one of the row's. The health and reflection services are outside the
/// matrix: health is anonymous and says only serving or not; reflection shows only the schema.
/// </summary>
public sealed class AccessControlInterceptor : Interceptor
{
    /// <summary>The request header that declares why the call reads or writes personal data.</summary>
    public const string PurposeHeader = "x-deinst-purpose";

    private const string GatewayMethods = "/deinst.";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Authorize(ServerCallContext context)
    {
        if (!context.Method.StartsWith(GatewayMethods, StringComparison.Ordinal))
        {
            return;
        }

        var institution = CallerClaims.Institution(context);
        var purpose = context.RequestHeaders.GetValue(PurposeHeader);
        var rule = AccessMatrix.Authorize(context.Method, institution.Kind, purpose);
        CallerClaims.SetCaller(context, institution with { Method = context.Method, Purpose = rule.NeedsPurpose ? purpose! : string.Empty });
    }
}
