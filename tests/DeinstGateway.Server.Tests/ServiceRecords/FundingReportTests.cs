using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>GetFundingReport: ESF 85 % / state 15 % to the cent over many random amounts, and scopes.</summary>
public sealed class FundingReportTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;
    private List<(long Cost, bool Esf)> _records = null!;
    private List<RecordServiceRequest> _sent = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        var client = (await TransferClient.HandOverAsync(_gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: GroupHome, service: ServiceType.GroupHome))).Client;
        var random = new Random(20261123);
        _records = Enumerable.Range(0, 600).Select(_ => (Cost: (long)random.Next(0, 2_000_000), Esf: random.Next(4) > 0)).ToList();
        _sent = _records.Select((r, i) => GroupHomeDay(client, new DateOnly(2021, 1, 1).AddDays(i), r.Cost, r.Esf)).ToList();
        Assert.Equal(600, (await RecordAsync(_gateway, GroupHome, [.. _sent])).Accepted);
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task GetFundingReport_OverRandomAmounts_SplitsEsfExactlyAndEveryLineAddsUp()
    {
        var report = await Reports("lm").GetFundingReportAsync(ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2023, 1, 1)));

        var esfTotal = _records.Where(r => r.Esf).Sum(r => r.Cost);
        var otherTotal = _records.Where(r => !r.Esf).Sum(r => r.Cost);
        Assert.Equal(esfTotal + otherTotal, report.Total.EuroCents);
        Assert.Equal(esfTotal * 85 / 100, report.Esf.EuroCents);
        Assert.Equal(esfTotal - (esfTotal * 85 / 100), report.StateBudgetCoFinancing.EuroCents);
        var esfLine = report.Lines.Single(l => l.FundingSource == FundingSource.EsfProject);
        Assert.Equal((VidzemeProject, string.Empty, esfTotal, _records.Count(r => r.Esf)), (esfLine.Project, esfLine.EsfProjectCode, esfLine.Total.EuroCents, (int)esfLine.Records));
        Assert.Equal(esfLine.Total.EuroCents, esfLine.Esf.EuroCents + esfLine.StateBudgetCoFinancing.EuroCents);
        var municipal = report.Lines.Single(l => l.FundingSource == FundingSource.MunicipalBudget);
        Assert.Equal((otherTotal, 0L, 0L), (municipal.Total.EuroCents, municipal.Esf.EuroCents, municipal.StateBudgetCoFinancing.EuroCents));
    }

    // The report sums per-day totals kept beside the records: a resent stream must not move them.
    [Fact]
    public async Task GetFundingReport_AfterEveryRecordIsSentAgain_CountsEachOnce()
    {
        var before = await Reports("lm").GetFundingReportAsync(ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2023, 1, 1)));

        var resent = await RecordAsync(_gateway, GroupHome, [.. _sent]);
        var after = await Reports("lm").GetFundingReportAsync(ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2023, 1, 1)));

        Assert.Equal((0, 600), (resent.Accepted, resent.Duplicate));
        Assert.Equal(_records.Sum(r => r.Cost), after.Total.EuroCents);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task GetFundingReport_ForOneYear_CountsOnlyRecordsStartingInIt()
    {
        var report = await Reports("pr-vidzeme").GetFundingReportAsync(ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1)));

        Assert.Equal(_records.Take(365).Sum(r => r.Cost), report.Total.EuroCents);
    }

    [Theory]
    [InlineData("mun-riga")]
    [InlineData("prov-cimdins")]
    public async Task GetFundingReport_OutsideWhereTheServicesWereDelivered_IsEmpty(string caller)
    {
        var report = await Reports(caller).GetFundingReportAsync(ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2023, 1, 1)));

        Assert.Empty(report.Lines);
        Assert.Equal(0, report.Total.EuroCents);
    }

    [Fact]
    public async Task GetFundingReport_ByACareCentre_IsPermissionDenied_AndWithoutAPeriodInvalid()
    {
        await RpcAssert.FailsWith(StatusCode.PermissionDenied,
            () => Reports("vsac-zemgale").GetFundingReportAsync(ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1))).ResponseAsync);
        await RpcAssert.InvalidField("period.start_date", () => Reports("lm").GetFundingReportAsync(new GetFundingReportRequest()).ResponseAsync);
    }

    private ServiceRecordService.ServiceRecordServiceClient Reports(string caller) => new(_gateway.ChannelFor(caller));
}
