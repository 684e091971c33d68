using DeinstGateway.Core.Access;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Identity;
using Grpc.Core.Interceptors;
using Grpc.Core;

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

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            Authorize(context);
        }
        catch (ForbiddenException refusal) when (refusal.Reason is AccessMatrix.PurposeMissing or AccessMatrix.PurposeNotAllowed)
        {
            await LogRefusalAsync(context, request);
            throw;
        }

        return await continuation(request, context);
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

    /// <summary>
    /// A call about an existing client refused for its declared purpose is in the person's access
    /// log like any other refusal, with the purpose as declared when it is one of the gateway's.
    /// </summary>
    private static async Task LogRefusalAsync(ServerCallContext context, object request)
    {
        var services = context.GetHttpContext().RequestServices;
        var clientId = ClientNamedInRequest.Of(request);
        if (ClientNamedInRequest.TransferOf(request) is { } transferId)
        {
            // Only to find whom the refused call was about; the caller sees nothing of it.
            var everyTransfer = new TransferScope(TransferScopeKind.All, string.Empty, SeesPersonalData: false);
            clientId = (await services.GetRequiredService<ITransferStore>().FindAsync(transferId, everyTransfer, context.CancellationToken))?.Record.Transfer.ClientId;
        }

        if (clientId is null || await services.GetRequiredService<IClientStore>().FindAsync(clientId, context.CancellationToken) is null)
        {
            return;
        }

        // The header is the caller's text: only a purpose the gateway knows is written into the log.
        var declared = context.RequestHeaders.GetValue(PurposeHeader);
        var caller = CallerClaims.Institution(context) with
        {
            Method = context.Method,
            Purpose = Purposes.All.FirstOrDefault(p => p == declared) ?? string.Empty,
        };
        await services.GetRequiredService<ClientGuard>().RefuseAsync(caller, clientId, context.CancellationToken);
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
