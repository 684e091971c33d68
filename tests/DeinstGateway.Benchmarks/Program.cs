using DeinstGateway.Benchmarks.Infrastructure;
using DeinstGateway.Benchmarks.Transfers;

// dotnet run -c Release --project tests/DeinstGateway.Benchmarks -- <benchmark> [--count N] [--runs R] [--breakdown]
// One class per benchmark; each prints its own figures beside a baseline measured in the same run.
// --breakdown adds where the gateway's database time goes, at a cost to the throughput it reports.
const string Usage = "usage: DeinstGateway.Benchmarks transfers [--count N (100000)] [--runs R (3)] [--breakdown]";

if (args.Length == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (!BenchmarkOptions.TryParse(args.AsSpan(1), out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(Usage);
    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: Debug build; run with -c Release for figures worth quoting.");
#endif

try
{
    return args[0] switch
    {
        "transfers" => await new TransferIngestBenchmark(options).RunAsync(),
        _ => Unknown(args[0]),
    };
}
catch (BenchmarkFailedException e)
{
    Console.Error.WriteLine("FAILED: " + e.Message);
    return 1;
}

static int Unknown(string name)
{
    Console.Error.WriteLine($"unknown benchmark '{name}'");
    Console.Error.WriteLine(Usage);
    return 2;
}
