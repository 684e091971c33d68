using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Infrastructure;

public static class TransferChanges
{
    /// <summary>Reads a WatchTransfers feed until it has given <paramref name="count"/> changes, skipping heartbeats.</summary>
    public static async Task<List<TransferChange>> ReadAsync(IAsyncStreamReader<TransferEvent> events, int count, CancellationToken cancellationToken)
    {
        var changes = new List<TransferChange>();
        while (changes.Count < count && await events.MoveNext(cancellationToken))
        {
            if (events.Current.KindCase == TransferEvent.KindOneofCase.Change)
            {
                changes.Add(events.Current.Change);
            }
        }

        return changes;
    }
}
