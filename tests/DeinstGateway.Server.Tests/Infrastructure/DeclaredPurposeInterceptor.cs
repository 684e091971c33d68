using DeinstGateway.Core.Access;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Access;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>
/// Declares, on each call that carries personal data and names no purpose itself, the first
/// purpose the access matrix allows the institution's kind, as a well-behaved institution system
/// does. Tests of purposes set the header themselves or call through a bare channel.
/// </summary>
public sealed class DeclaredPurposeInterceptor(InstitutionKind kind) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Declare(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Declare(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Declare(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Declare(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Declare(context));

    /// <summary>The first purpose the matrix allows the kind for the method, or null when the call carries no personal data.</summary>
    public static string? PurposeFor(string method, InstitutionKind kind) =>
        AccessMatrix.Find(method, kind) is { NeedsPurpose: true } rule ? rule.Purposes[0] : null;

    private ClientInterceptorContext<TRequest, TResponse> Declare<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        if (PurposeFor(context.Method.FullName, kind) is not { } purpose || context.Options.Headers?.Get(AccessControlInterceptor.PurposeHeader) is not null)
        {
            return context;
        }

        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add(AccessControlInterceptor.PurposeHeader, purpose);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
