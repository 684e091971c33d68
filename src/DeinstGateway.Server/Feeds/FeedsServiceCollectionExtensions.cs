using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Feeds;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Server.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>The feeds' timing, one head per feed and the one watcher that moves them.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        var feeds = configuration.GetSection(FeedsOptions.Section).Get<FeedsOptions>() ?? new FeedsOptions();
        services.AddSingleton(new FeedOptions(TimeSpan.FromMilliseconds(feeds.PollMilliseconds), TimeSpan.FromSeconds(feeds.HeartbeatSeconds)));
        AddHead<TransferFeedItem>(services);
        AddHead<CapacityChange>(services);
        services.AddHostedService<FeedWatcher>();
        return services;
    }

    private static void AddHead<T>(IServiceCollection services) => services
        .AddSingleton<FeedHead<T>>()
        .AddSingleton<IFeedHead<T>>(provider => provider.GetRequiredService<FeedHead<T>>());
}
