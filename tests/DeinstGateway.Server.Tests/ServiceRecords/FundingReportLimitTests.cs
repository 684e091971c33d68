using DeinstGateway.Persistence.ServiceRecords;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>
/// The cost cap of one record and what it buys the funding report: exact sums over many records at
/// the cap, a bounded period, and a clear status (never INTERNAL) over amounts stored before the cap.
/// </summary>
public sealed class FundingReportLimitTests : IAsyncLifetime
{
    private const long MaxCostCents = 100_000_000;
    private const int Records = 600;
    private static readonly DateOnly FirstDay = new(2021, 1, 1);

    private GatewayProcess _gateway = null!;
    private string _client = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _client = (await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", TransferRequests.Valid(
            source: "vsac-zemgale", destination: "mun-madona", provider: GroupHome, service: ServiceType.GroupHome))).Client;
        var batch = new RecordServiceBatch
        {
            Records = { Enumerable.Range(0, Records).Select(i => GroupHomeDay(_client, FirstDay.AddDays(i), MaxCostCents, esf: i % 3 > 0)) },
        };
        var answer = await RecordBatchesAsync(_gateway, GroupHome, batch);
        Assert.Equal(Records, answer.Accepted);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task RecordServices_CostAboveTheCap_IsRejectedNamingTheField()
    {
        var overCap = GroupHomeDay(_client, new DateOnly(2024, 3, 1), MaxCostCents + 1, esf: false);
        var attack = GroupHomeDay(_client, new DateOnly(2024, 3, 2), 5_000_000_000_000_000_000, esf: false);

        var answer = await RecordAsync(_gateway, GroupHome, overCap, attack);

        Assert.Equal((0, 2), (answer.Accepted, answer.Rejected));
        Assert.All(answer.Rejections, r =>
        {
            var reason = Assert.Single(r.Reasons);
            Assert.Equal("COST_ABOVE_LIMIT", reason.Code);
            Assert.Contains("cost.euro_cents", reason.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task GetFundingReport_OverManyRecordsAtTheCap_AnswersTheExactSum()
    {
        var report = await Reports("lm").GetFundingReportAsync(ReportPeriod(FirstDay, FirstDay.AddYears(3)));

        const long Total = Records * MaxCostCents;
        const long EsfTotal = Records * 2 / 3 * MaxCostCents;
        Assert.Equal(Total, report.Total.EuroCents);
        Assert.Equal(EsfTotal * 85 / 100, report.Esf.EuroCents);
        Assert.Equal(EsfTotal - (EsfTotal * 85 / 100), report.StateBudgetCoFinancing.EuroCents);
        Assert.Equal(Total, report.Lines.Sum(l => l.Total.EuroCents));
    }

    [Fact]
    public async Task GetFundingReport_PeriodOverTenYears_IsInvalidArgumentOnTheEndDate()
    {
        await RpcAssert.InvalidField("period.end_date",
            () => Reports("lm").GetFundingReportAsync(ReportPeriod(new DateOnly(2015, 1, 1), new DateOnly(2025, 1, 3))).ResponseAsync);
        await RpcAssert.InvalidField("period.end_date",
            () => Reports("lm").GetFundingReportAsync(ReportPeriod(new DateOnly(1, 1, 1), new DateOnly(9999, 12, 31))).ResponseAsync);
        var tenYears = await Reports("lm").GetFundingReportAsync(ReportPeriod(new DateOnly(2015, 1, 1), new DateOnly(2025, 1, 1)));
        Assert.Equal(Records * MaxCostCents, tenYears.Total.EuroCents);
    }

    [Fact]
    public async Task GetFundingReport_OverAmountsStoredBeforeTheCap_IsFailedPreconditionNotInternal()
    {
        // The attack of the hardening issue, stored before the cap existed: two records of 5·10¹⁸ cents,
        // summed into the day totals as the migration that added them sums the records it finds.
        await SqliteFile.ExecuteAsync(_gateway.DatabasePath,
            "UPDATE service_records SET CostCents = 5000000000000000000 WHERE Id IN (SELECT Id FROM service_records ORDER BY Id LIMIT 2);"
            + ServiceRecordDayTotalRow.RebuildSql);

        var status = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Reports("mun-madona").GetFundingReportAsync(ReportPeriod(FirstDay, FirstDay.AddYears(3))).ResponseAsync);

        Assert.Equal("REPORT_TOTAL_TOO_LARGE", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    private ServiceRecordService.ServiceRecordServiceClient Reports(string caller) => new(_gateway.ChannelFor(caller));
}
