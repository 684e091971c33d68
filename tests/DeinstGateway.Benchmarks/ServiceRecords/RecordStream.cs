using System.Diagnostics;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>How one RecordServices stream went, as its client saw it.</summary>
/// <param name="Elapsed">From the first write to the single response.</param>
/// <param name="Writing">From the first write to the end of the last one.</param>
public sealed record RecordStreamFigures(TimeSpan Elapsed, TimeSpan Writing);

/// <summary>
/// ONE stream as the provider: every record written, then the single response awaited. One record
/// per message goes on RecordServices; more go on RecordServiceBatches.
/// </summary>
public static class RecordStream
{
    /// <summary>Before timing: the TLS handshake with the client certificate and a first authenticated call.</summary>
    public static async Task ConnectAsync(GrpcChannel channel) =>
        await new RegistryService.RegistryServiceClient(channel).GetInstitutionAsync(
            new GetInstitutionRequest { Name = "institutions/" + ServiceRecordRequestFactory.Provider });

    public static Task<(RecordServicesResponse Response, RecordStreamFigures Figures)> RunAsync(
        GrpcChannel channel, IReadOnlyList<RecordServiceRequest> requests, int recordsPerMessage)
    {
        var client = new ServiceRecordService.ServiceRecordServiceClient(channel);
        return recordsPerMessage == 1
            ? RunAsync(client.RecordServices(), requests)
            : RunAsync(client.RecordServiceBatches(), requests.Chunk(recordsPerMessage).Select(records => new RecordServiceBatch { Records = { records } }).ToList());
    }

    /// <param name="messages">Built before timing.</param>
    private static async Task<(RecordServicesResponse Response, RecordStreamFigures Figures)> RunAsync<TMessage>(
        AsyncClientStreamingCall<TMessage, RecordServicesResponse> call, IReadOnlyList<TMessage> messages)
    {
        using var _ = call;
        var start = Stopwatch.GetTimestamp();
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            var lastWrite = Stopwatch.GetTimestamp();
            await call.RequestStream.CompleteAsync();
            var response = await call;
            var end = Stopwatch.GetTimestamp();
            return (response, new RecordStreamFigures(Stopwatch.GetElapsedTime(start, end), Stopwatch.GetElapsedTime(start, lastWrite)));
        }
        catch (RpcException e)
        {
            throw new BenchmarkFailedException($"the records stream failed: {e.Status}");
        }
    }
}
