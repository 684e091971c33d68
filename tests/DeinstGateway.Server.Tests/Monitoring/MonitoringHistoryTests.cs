using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Monitoring;

/// <summary>Moves recorded under a pre-2021 county count under the municipality that holds its territory today.</summary>
public sealed class MonitoringHistoryTests
{
    private const int Moves = 6;

    [Fact]
    public async Task TransferCounts_Of2018MovesToAPreReformCounty_AreRolledUpToItsSuccessor()
    {
        await using var gateway = await GatewayProcess.StartAsync();
        var requests = Enumerable.Range(0, Moves).Select(i =>
        {
            var request = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-pre2021-vecumnieki");
            request.Transfer.PlannedMoveDate = TransferRequests.Date(new DateOnly(2018, 3, 1 + i));
            return request;
        }).ToList();
        var submitted = await TransferClient.SubmitAsync(gateway, "vsac-zemgale", requests);
        Assert.All(submitted, s => Assert.Equal(SubmitOutcome.Created, s.Outcome));

        var counts = await new MonitoringService.MonitoringServiceClient(gateway.ChannelFor("lm")).ListTransferCountsAsync(new ListTransferCountsRequest
        {
            Filter = new StatisticsFilter
            {
                Period = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2018, 1, 1)), EndDate = TransferRequests.Date(new DateOnly(2019, 1, 1)) },
                Granularity = PeriodGranularity.Year,
            },
        });

        var byMunicipality = counts.Counts
            .Where(c => c.Area.Municipality is not null && c.State == TransferState.Submitted)
            .Select(c => (c.Area.PlanningRegion.Name, c.Area.Municipality.Name, c.Transfers.Count))
            .ToList();
        Assert.Equal([("institutions/pr-zemgale", "institutions/mun-bauska", (long)Moves)], byMunicipality);
    }
}
