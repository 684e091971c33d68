using System.Diagnostics;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>
/// The timing of one SubmitTransfers stream as its client saw it; what a <c>transfers-client</c>
/// process reports to the benchmark.
/// </summary>
/// <param name="Received">How many answers arrived, possibly more than were sent.</param>
/// <param name="Elapsed">From the first write to the last answer: the timed figure.</param>
/// <param name="Writing">From the first write to the end of the last one.</param>
/// <param name="PaceFirst">Answers per second over the first tenth of the stream.</param>
/// <param name="PaceLast">Answers per second over the last tenth of the stream.</param>
public sealed record StreamFigures(int Received, TimeSpan Elapsed, TimeSpan Writing, double PaceFirst, double PaceLast);

/// <summary>What came back on one SubmitTransfers stream, with the arrival time of every answer.</summary>
public sealed class SubmitStreamResult(SubmitTransferResponse[] responses, int received, long start, long lastWrite, long[] arrivals)
{
    /// <summary>The answers in arrival order; only the first <see cref="Received"/> are set.</summary>
    public SubmitTransferResponse[] Responses { get; } = responses;

    /// <summary>How many answers arrived, possibly more than were sent.</summary>
    public int Received { get; } = received;

    /// <summary>From the first write to the last answer.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(start, arrivals[Math.Min(Received, arrivals.Length) - 1]);

    /// <summary>From the first write to the end of the last one (the client waits on flow control).</summary>
    public TimeSpan Writing => Stopwatch.GetElapsedTime(start, lastWrite);

    /// <summary>The answers that were kept: at most one per message sent.</summary>
    public ArraySegment<SubmitTransferResponse> Kept => new(Responses, 0, Math.Min(Received, Responses.Length));

    public StreamFigures Figures()
    {
        var (first, last) = Pace();
        return new StreamFigures(Received, Elapsed, Writing, first, last);
    }

    /// <summary>Answers per second over the first and the last tenth of the stream.</summary>
    public (double First, double Last) Pace()
    {
        var n = Math.Min(Received, arrivals.Length);
        var tenth = Math.Max(1, n / 10);
        var lastTenthFrom = n - 1 - tenth >= 0 ? arrivals[n - 1 - tenth] : start;
        return (
            tenth / Stopwatch.GetElapsedTime(start, arrivals[tenth - 1]).TotalSeconds,
            tenth / Stopwatch.GetElapsedTime(lastTenthFrom, arrivals[n - 1]).TotalSeconds);
    }
}

/// <summary>
/// Sends every message on ONE SubmitTransfers stream, writing from one task while reading on
/// another. Timed from the first write to the last answer; the answers are only stored while
/// timing, and checked afterwards.
/// </summary>
public static class SubmitStream
{
    /// <summary>Before timing: the TLS handshake with the client certificate and a first authenticated call.</summary>
    public static async Task ConnectAsync(GrpcChannel channel) =>
        await new RegistryService.RegistryServiceClient(channel).GetInstitutionAsync(
            new GetInstitutionRequest { Name = "institutions/" + TransferRequestFactory.Caller });

    public static async Task<SubmitStreamResult> RunAsync(GrpcChannel channel, IReadOnlyList<SubmitTransferRequest> requests)
    {
        var client = new TransferService.TransferServiceClient(channel);
        var responses = new SubmitTransferResponse[requests.Count];
        var arrivals = new long[requests.Count];
        var received = 0;
        long start = 0;
        long lastWrite = 0;

        using var call = client.SubmitTransfers();
        var reading = Task.Run(async () =>
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                if (received < responses.Length)
                {
                    arrivals[received] = Stopwatch.GetTimestamp();
                    responses[received] = response;
                }

                received++;
            }
        });
        var writing = Task.Run(async () =>
        {
            start = Stopwatch.GetTimestamp();
            foreach (var request in requests)
            {
                await call.RequestStream.WriteAsync(request);
            }

            lastWrite = Stopwatch.GetTimestamp();
            await call.RequestStream.CompleteAsync();
        });

        try
        {
            await Task.WhenAll(writing, reading);
        }
        catch (RpcException e)
        {
            throw new BenchmarkFailedException($"the SubmitTransfers stream failed after {received} answers: {e.Status}");
        }

        if (received == 0)
        {
            throw new BenchmarkFailedException("the SubmitTransfers stream ended without an answer");
        }

        return new SubmitStreamResult(responses, received, start, lastWrite, arrivals);
    }
}
