namespace DeinstGateway.Core.Feeds;

/// <summary>This process's commits of changes that feeds carry; implemented by the persistence layer.</summary>
public interface IFeedCommits
{
    /// <summary>Completes when this process next commits such a change.</summary>
    Task Next { get; }
}
