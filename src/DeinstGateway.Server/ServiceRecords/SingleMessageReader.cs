using Grpc.Core;

namespace DeinstGateway.Server.ServiceRecords;

/// <summary>A request stream of exactly one message: a unary call run through a stream's code path.</summary>
internal sealed class SingleMessageReader<T>(T message) : IAsyncStreamReader<T>
{
    private bool _read;

    public T Current => _read ? message : throw new InvalidOperationException("MoveNext has not been called.");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var moved = !_read;
        _read = true;
        return Task.FromResult(moved);
    }
}
