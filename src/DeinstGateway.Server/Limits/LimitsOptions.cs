namespace DeinstGateway.Server.Limits;

/// <summary>
/// The <c>Limits</c> configuration section. The defaults only stop a runaway client: ordinary use,
/// the test suite and a 100,000-message benchmark stream stay well below them.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Calls each institution may start per second, per gateway process (replica).</summary>
    public int CallsPerSecond { get; set; } = 1000;

    /// <summary>Calls an institution may start at once after a quiet spell: the token bucket's size.</summary>
    public int Burst { get; set; } = 2000;

    /// <summary>Most messages one client-streaming or bidirectional call may send.</summary>
    public int MaxMessagesPerStream { get; set; } = 1_000_000;

    /// <summary>How long a client-streaming or bidirectional call may send nothing before it is ended.</summary>
    public int StreamIdleSeconds { get; set; } = 60;

    /// <summary>
    /// Feeds (WatchTransfers and WatchCapacity together) each institution may have open at once on
    /// one gateway process: a feed is a connection to a process, so the count is that process's.
    /// </summary>
    public int MaxOpenFeedsPerInstitution { get; set; } = 10;

    /// <summary>A limit of zero or less would refuse every call: such a setting fails at start.</summary>
    public LimitsOptions Validated()
    {
        Require(CallsPerSecond, nameof(CallsPerSecond));
        Require(Burst, nameof(Burst));
        Require(MaxMessagesPerStream, nameof(MaxMessagesPerStream));
        Require(StreamIdleSeconds, nameof(StreamIdleSeconds));
        Require(MaxOpenFeedsPerInstitution, nameof(MaxOpenFeedsPerInstitution));
        return this;
    }

    private static void Require(int value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidOperationException($"{Section}:{name} must be a positive whole number, not {value}.");
        }
    }
}
