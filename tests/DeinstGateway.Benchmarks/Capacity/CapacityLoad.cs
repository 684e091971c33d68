using DeinstGateway.Core.Access;
using System.Diagnostics;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.Transfers;
using Deinst.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Benchmarks.Capacity;

/// <summary>What the set-up left behind: the places it took, the places it was refused, and how long it took.</summary>
public sealed record LoadFigures(
    int Submitted, int Accepted, int Completed, int RefusedFull, TimeSpan Submit, TimeSpan Etags, TimeSpan AcceptComplete);

/// <summary>
/// The untimed set-up of <c>capacity-query</c>: <c>vsac-zemgale</c> submits the transfers on one
/// SubmitTransfers stream, each bound for a generated provider (and its municipality) for one
/// service it offers; then the destination municipalities accept about 60 % of them and complete
/// about half of the accepted ones, a bounded number of calls at a time. A provider that is full
/// refuses an accept with FAILED_PRECONDITION: counted, not an error.
/// </summary>
public static class CapacityLoad
{
    /// <summary>Accept/complete calls in flight at once.</summary>
    public const int Parallelism = 8;

    private const int PageSize = 1000;

    /// <summary>Transfer <c>i</c> is accepted when <c>i % 10 &lt; 6</c>, and then completed when <c>i % 10 &lt; 3</c>.</summary>
    public static bool ToAccept(int i) => i % 10 < 6;

    public static bool ToComplete(int i) => i % 10 < 3;

    public static SubmitTransferRequest[] Build(BenchReferenceData data, int count, DateOnly today, int seed)
    {
        // Valid people, case numbers and dates from the transfers benchmark's factory; then each
        // is pointed at a generated provider, its municipality and one service it offers.
        var requests = TransferRequestFactory.Build(count, today, seed);
        var random = new Random(seed);
        foreach (var request in requests)
        {
            var provider = data.Providers[random.Next(data.Providers.Count)];
            var services = provider.Places.Keys.ToArray();
            var transfer = request.Transfer;
            transfer.DestinationMunicipality = "institutions/" + provider.Municipality;
            transfer.DestinationProvider = "institutions/" + provider.Code;
            transfer.RequestedServices.Clear();
            transfer.RequestedServices.Add((ServiceType)services[random.Next(services.Length)]);
        }

        return requests;
    }

    public static async Task<LoadFigures> RunAsync(GatewayHost host, SubmitTransferRequest[] requests)
    {
        // 1. One stream from the state social care centre.
        var start = Stopwatch.GetTimestamp();
        var source = host.ChannelFor(TransferRequestFactory.Caller, Purposes.TransferHandover);
        var stream = await SubmitStream.RunAsync(source, requests);
        var names = new string[requests.Length];
        if (stream.Received != requests.Length)
        {
            throw new BenchmarkFailedException($"{stream.Received} answers came back for {requests.Length} transfers");
        }

        for (var i = 0; i < requests.Length; i++)
        {
            var response = stream.Responses[i];
            if (response.Outcome != SubmitOutcome.Created || response.RequestId != requests[i].RequestId)
            {
                throw new BenchmarkFailedException(
                    $"set-up: answer {i} is {response.Outcome}, not CREATED for its message: {response.Error?.Message} {response.Error?.Details}");
            }

            names[i] = response.Transfer;
        }

        var submitted = Stopwatch.GetElapsedTime(start);

        // 2. The etags, as each destination municipality reads its submitted transfers (AIP-154).
        start = Stopwatch.GetTimestamp();
        var channels = BenchReferenceData.Municipalities.ToDictionary(m => m, m => host.ChannelFor(m, Purposes.TransferHandover), StringComparer.Ordinal);
        var etags = new Dictionary<string, string>(requests.Length, StringComparer.Ordinal);
        foreach (var channel in channels.Values)
        {
            var client = new TransferService.TransferServiceClient(channel);
            var token = "";
            do
            {
                var page = await client.ListTransfersAsync(
                    new ListTransfersRequest { PageSize = PageSize, PageToken = token, State = TransferState.Submitted });
                foreach (var transfer in page.Transfers)
                {
                    etags[transfer.Name] = transfer.Etag;
                }

                token = page.NextPageToken;
            }
            while (token.Length > 0);
        }

        if (etags.Count != requests.Length)
        {
            throw new BenchmarkFailedException($"set-up: the municipalities list {etags.Count} submitted transfers, expected {requests.Length}");
        }

        var read = Stopwatch.GetElapsedTime(start);

        // 3. Accept and complete as the destination municipality, a few calls at a time.
        start = Stopwatch.GetTimestamp();
        var accepted = 0;
        var completed = 0;
        var refused = 0;
        var clients = channels.ToDictionary(c => c.Key, c => new TransferService.TransferServiceClient(c.Value), StringComparer.Ordinal);
        var work = Enumerable.Range(0, requests.Length).Where(ToAccept);
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, cancellationToken) =>
        {
            var municipality = requests[i].Transfer.DestinationMunicipality["institutions/".Length..];
            var client = clients[municipality];
            Transfer transfer;
            try
            {
                transfer = await client.AcceptTransferAsync(
                    new AcceptTransferRequest { Name = names[i], Etag = etags[names[i]] }, cancellationToken: cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                Interlocked.Increment(ref refused);
                return;
            }

            Interlocked.Increment(ref accepted);
            if (ToComplete(i))
            {
                await client.CompleteTransferAsync(
                    new CompleteTransferRequest { Name = names[i], Etag = transfer.Etag }, cancellationToken: cancellationToken);
                Interlocked.Increment(ref completed);
            }
        });

        return new LoadFigures(requests.Length, accepted, completed, refused, submitted, read, Stopwatch.GetElapsedTime(start));
    }
}
