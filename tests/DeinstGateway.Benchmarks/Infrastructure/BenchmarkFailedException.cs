namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>A check after a timed phase failed: the figures of that run mean nothing.</summary>
public sealed class BenchmarkFailedException(string message) : Exception(message);
