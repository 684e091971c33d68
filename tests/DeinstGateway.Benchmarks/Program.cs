using DeinstGateway.Benchmarks.Audit;
using DeinstGateway.Benchmarks.Capacity;
using DeinstGateway.Benchmarks.Feeds;
using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.Lookups;
using DeinstGateway.Benchmarks.Scale;
using DeinstGateway.Benchmarks.ServiceRecords;
using DeinstGateway.Benchmarks.Transfers;

// dotnet run -c Release --project tests/DeinstGateway.Benchmarks -- <benchmark> [--count N] [--runs R] [--breakdown] [--in-process | --both]
// One class per benchmark; each prints its own figures beside a baseline measured in the same run.
// --breakdown adds where the gateway's database time goes, at a cost to the throughput it reports.
// The load client runs as a second process of this program, pinned to core 1 with taskset, while
// the gateway runs unpinned in this one; --in-process puts the client in the gateway's process
// (sharing its cores), --both measures each way in every run.
// capacity-query takes options of its own (CapacityQueryOptions): the latency of sequential
// QueryCapacity calls over a region of generated providers with a transfer history behind them.
// service-records (ServiceRecordOptions): one provider's RecordServices stream of valid records
// against raw inserts of service_records rows; its client runs pinned in a process of its own too,
// or with --in-process in the gateway's; --batch K sends K records per RecordServiceBatches message.
// access-log: logged reads, one transaction each against group commit, and GetTransfer calls that log.
// lookups (LookupOptions): unary look-ups sent by nghttp pinned to core 1 on one connection, to the
// gateway and to a bare grpc-dotnet echo host in turn, with the ratio of the two per method.
// feed-latency (FeedLatencyOptions): submission → WatchTransfers subscriber, through the subscribers'
// gateway and through a second replica process on the same SQLite file, and the idle cost of open feeds.
// scale (ScaleOptions): look-ups, QueryCapacity and GetFundingReport on a generated national-size
// database against a small one, with the gateway's peak resident set.
const string Usage = """
    usage: DeinstGateway.Benchmarks transfers [--count N (100000)] [--runs R (3)] [--breakdown] [--in-process | --both]
           DeinstGateway.Benchmarks capacity-query [--providers P (1000)] [--transfers T (20000)] [--calls C (500)] [--runs R (3)]
           DeinstGateway.Benchmarks service-records [--count N (100000)] [--runs R (3)] [--breakdown] [--in-process | --batch K (1) | --nghttp]
           DeinstGateway.Benchmarks access-log [--reads N (20000)] [--runs R (3)] [--in-flight C (32)]
           DeinstGateway.Benchmarks feed-latency [--changes N (100)] [--subscribers a,b (1,100,1000)] [--runs R (1)]
           DeinstGateway.Benchmarks scale [--clients N (1000000)] [--small N (10000)] [--calls C (200)] [--records-per-client K (20)] [--keep FOLDER]
           DeinstGateway.Benchmarks lookups [--calls N (20000)] [--runs R (3)] [--methods a,b (all: GetInstitution,ListServiceTypes,ListInstitutions,GetTransfer,QueryCapacity,Check,LookupClient,GetClient)]
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (args[0] == TransferClientCommand.Name)
{
    // Not in the usage: the load clients that `transfers` and `service-records` start as processes of their own.
    return await Report(() => TransferClientCommand.RunAsync(args.AsMemory(1)));
}

if (args[0] == ReplicaProcess.Name)
{
    return await ReplicaProcess.ServeAsync(args.AsMemory(1));
}

if (args[0] == ServiceRecordClientCommand.Name)
{
    return await Report(() => ServiceRecordClientCommand.RunAsync(args.AsMemory(1)));
}

#if DEBUG
Console.Error.WriteLine("warning: Debug build; run with -c Release for figures worth quoting.");
#endif

return args[0] switch
{
    "transfers" => BenchmarkOptions.TryParse(args.AsSpan(1), out var options, out var error)
        ? await Report(new TransferIngestBenchmark(options).RunAsync)
        : BadOptions(error),
    CapacityQueryBenchmark.Name => CapacityQueryOptions.TryParse(args.AsSpan(1), out var options, out var error)
        ? await Report(new CapacityQueryBenchmark(options).RunAsync)
        : BadOptions(error),
    ServiceRecordBenchmark.Name => ServiceRecordOptions.TryParse(args.AsSpan(1), out var options, out var error)
        ? await Report(new ServiceRecordBenchmark(options).RunAsync)
        : BadOptions(error),
    AccessLogBenchmark.Name => AccessLogArguments.TryParse(args.AsSpan(1), out var reads, out var runs, out var inFlight, out var error)
        ? await Report(new AccessLogBenchmark(reads, runs, inFlight).RunAsync)
        : BadOptions(error),
    FeedLatencyBenchmark.Name => FeedLatencyOptions.TryParse(args.AsSpan(1), out var options, out var error)
        ? await Report(new FeedLatencyBenchmark(options).RunAsync)
        : BadOptions(error),
    LookupBenchmark.Name => LookupOptions.TryParse(args.AsSpan(1), out var options, out var error)
        ? await Report(new LookupBenchmark(options).RunAsync)
        : BadOptions(error),
    ScaleBenchmark.Name => ScaleOptions.TryParse(args.AsSpan(1), out var options, out var error)
        ? await Report(new ScaleBenchmark(options).RunAsync)
        : BadOptions(error),
    _ => Unknown(args[0]),
};

static async Task<int> Report(Func<Task<int>> benchmark)
{
    try
    {
        return await benchmark();
    }
    catch (BenchmarkFailedException e)
    {
        Console.Error.WriteLine("FAILED: " + e.Message);
        return 1;
    }
}

static int BadOptions(string error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(Usage);
    return 2;
}

static int Unknown(string name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'");
    Console.Error.WriteLine(Usage);
    return 2;
}
