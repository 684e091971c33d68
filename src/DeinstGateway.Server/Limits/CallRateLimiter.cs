using System.Threading.RateLimiting;

namespace DeinstGateway.Server.Limits;

/// <summary>
/// One token bucket per institution, in this process only: replicas sharing a database each keep
/// their own buckets, so an institution's budget across the deployment is the sum over replicas.
/// </summary>
public sealed class CallRateLimiter(LimitsOptions options) : IDisposable
{
    // The partitioned limiter refills its buckets on a 100 ms timer, so a bucket may fill up to
    // that much after its period ends; a client told to wait the period alone could come too early.
    private static readonly TimeSpan RefillTimerLag = TimeSpan.FromMilliseconds(100);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(institution =>
        RateLimitPartition.GetTokenBucketLimiter(institution, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = options.CallsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,
            QueueLimit = 0,
        }));

    /// <summary>Takes a token for one call: null when granted, otherwise how long to wait for the next one.</summary>
    public TimeSpan? TryAcquire(string institutionCode)
    {
        using var lease = _limiter.AttemptAcquire(institutionCode);
        if (lease.IsAcquired)
        {
            return null;
        }

        return (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1)) + RefillTimerLag;
    }

    public void Dispose() => _limiter.Dispose();
}
