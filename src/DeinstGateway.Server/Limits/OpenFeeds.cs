namespace DeinstGateway.Server.Limits;

/// <summary>
/// The feeds each institution has open on this process. A feed holds its slot from admission until
/// its call ends, however it ends, so closing one frees a place for the next.
/// </summary>
public sealed class OpenFeeds(LimitsOptions options)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>The slot of a new feed, to dispose when the feed ends; null when the institution has none left.</summary>
    public IDisposable? TryOpen(string institutionCode)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(institutionCode);
            if (open >= options.MaxOpenFeedsPerInstitution)
            {
                return null;
            }

            _open[institutionCode] = open + 1;
        }

        return new Slot(this, institutionCode);
    }

    private void Close(string institutionCode)
    {
        lock (_open)
        {
            // An institution with nothing open leaves no entry behind.
            if (--_open[institutionCode] == 0)
            {
                _open.Remove(institutionCode);
            }
        }
    }

    private sealed class Slot(OpenFeeds feeds, string institutionCode) : IDisposable
    {
        private int _closed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _closed, 1) == 0)
            {
                feeds.Close(institutionCode);
            }
        }
    }
}
