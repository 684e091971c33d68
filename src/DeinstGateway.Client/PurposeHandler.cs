namespace DeinstGateway.Client;

/// <summary>
/// Declares the connection's purpose on every call that does not declare one itself. The gateway
/// ignores the header on calls that carry no personal data, so it is safe to send always.
/// </summary>
public sealed class PurposeHandler(string purpose) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(GatewayConnection.PurposeHeader))
        {
            request.Headers.Add(GatewayConnection.PurposeHeader, purpose);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
