using System.Diagnostics;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace DeinstGateway.Benchmarks.Feeds;

/// <summary>
/// N open <c>WatchTransfers</c> streams on one channel (the channel opens further connections as
/// each fills its stream limit), each stamping the moment a change reaches it. One change is
/// expected at a time (<see cref="Expect"/>); a change nobody expected, a second one on the same
/// stream, or a stream that ends fails the benchmark.
/// </summary>
public sealed class FeedSubscribers : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _readers = [];
    private Expectation? _current;
    private string? _failure;

    private FeedSubscribers(int count) => Count = count;

    public int Count { get; }

    /// <summary>The highest sequence any stream has received: where the next set of streams starts.</summary>
    public long LastSequence { get; private set; }

    public static Task<FeedSubscribers> OpenAsync(GrpcChannel channel, int count, long afterSequence)
    {
        var feeds = new FeedSubscribers(count) { LastSequence = afterSequence };
        var client = new TransferService.TransferServiceClient(channel);
        for (var i = 0; i < count; i++)
        {
            var subscriber = i;
            var call = client.WatchTransfers(new WatchTransfersRequest { AfterSequence = afterSequence }, cancellationToken: feeds._stop.Token);
            feeds._readers.Add(Task.Run(() => feeds.ReadAsync(subscriber, call)));
        }

        return Task.FromResult(feeds);
    }

    /// <summary>The next change, submitted from <paramref name="start"/> (a <see cref="Stopwatch"/> timestamp) on.</summary>
    public Expectation Expect(long start)
    {
        var expectation = new Expectation(this, start);
        Volatile.Write(ref _current, expectation);
        return expectation;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task ReadAsync(int subscriber, AsyncServerStreamingCall<TransferEvent> call)
    {
        using (call)
        {
            try
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(_stop.Token))
                {
                    if (message.Change is not { } change)
                    {
                        continue;
                    }

                    var arrived = Stopwatch.GetTimestamp();
                    if (Volatile.Read(ref _current) is not { } expected || !expected.Arrive(subscriber, change, arrived))
                    {
                        _failure ??= $"subscriber {subscriber} received {change.Transfer} (sequence {change.Sequence}) that no submission was waiting for";
                    }
                }

                _failure ??= $"subscriber {subscriber}'s stream ended";
            }
            catch (RpcException e) when (!_stop.IsCancellationRequested)
            {
                _failure ??= $"subscriber {subscriber}'s stream failed: {e.Status}";
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>One submitted change on its way to every subscriber.</summary>
    public sealed class Expectation
    {
        private readonly FeedSubscribers _feeds;
        private readonly long _start;
        private readonly double[] _arrivals;
        private readonly TransferChange?[] _changes;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;
        private string? _transfer;

        internal Expectation(FeedSubscribers feeds, long start)
        {
            (_feeds, _start) = (feeds, start);
            _arrivals = new double[feeds.Count];
            _changes = new TransferChange?[feeds.Count];
        }

        /// <summary>The transfer the submission created, once its answer is in (a subscriber may have it sooner).</summary>
        public void Name(string transfer) => _transfer = transfer;

        /// <summary>Milliseconds from the start to each subscriber's arrival, once all have it.</summary>
        public async Task<double[]> ArrivalsAsync(TimeSpan within)
        {
            try
            {
                await _all.Task.WaitAsync(within);
            }
            catch (TimeoutException)
            {
                throw new BenchmarkFailedException(
                    $"{Volatile.Read(ref _arrived)} of {_feeds.Count} subscribers received {_transfer} within {within.TotalSeconds:F0} s{(_feeds._failure is { } f ? "; " + f : "")}");
            }

            if (_feeds._failure is { } failure)
            {
                throw new BenchmarkFailedException(failure);
            }

            if (_changes.FirstOrDefault(c => c!.Transfer != _transfer) is { } other)
            {
                throw new BenchmarkFailedException($"a subscriber received {other.Transfer} while {_transfer} was awaited");
            }

            _feeds.LastSequence = Math.Max(_feeds.LastSequence, _changes.Max(c => c!.Sequence));
            return _arrivals;
        }

        internal bool Arrive(int subscriber, TransferChange change, long arrived)
        {
            if (Interlocked.CompareExchange(ref _changes[subscriber], change, null) is not null)
            {
                return false;
            }

            _arrivals[subscriber] = Stopwatch.GetElapsedTime(_start, arrived).TotalMilliseconds;
            if (Interlocked.Increment(ref _arrived) == _feeds.Count)
            {
                _all.TrySetResult();
            }

            return true;
        }
    }
}
