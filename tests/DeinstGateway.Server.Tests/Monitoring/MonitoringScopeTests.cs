using Deinst.V1;
using DeinstGateway.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Monitoring;

/// <summary>
/// Who sees which statistics: the ministry all, a planning region its region, a municipality its
/// own — each the same figures, withheld the same way, as the ministry's — and nobody a person.
/// </summary>
[Collection(MonitoringCollection.Name)]
public sealed class MonitoringScopeTests(MonitoringWorld world)
{
    [Fact]
    public async Task ListTransferCounts_AsAPlanningRegion_AreTheMinistrysRowsOfItsRegion()
    {
        var filter = MonitoringWorld.Filter(PeriodGranularity.Quarter);
        var ministry = await world.TransferCountsAsync("lm", filter);

        var region = await world.TransferCountsAsync("pr-zemgale", filter);

        Assert.Equal(ministry.Where(r => r.Region == "pr-zemgale"), region);
        Assert.Contains(region, r => r.Area == "mun-dobele");
    }

    [Fact]
    public async Task ListTransferCounts_AsAMunicipality_AreTheMinistrysRowsOfItsOwn()
    {
        var filter = MonitoringWorld.Filter(PeriodGranularity.Month);
        var ministry = await world.TransferCountsAsync("lm", filter);

        var municipality = await world.TransferCountsAsync("mun-bauska", filter);

        Assert.Equal(ministry.Where(r => r.Area == "mun-bauska"), municipality);
        Assert.NotEmpty(municipality);
    }

    [Fact]
    public async Task ListOccupancy_AsAMunicipality_ShowsTheCareInstitutionsInItOnly()
    {
        var filter = MonitoringWorld.Filter(PeriodGranularity.Year);

        var rows = await world.OccupancyAsync("mun-daugavpils", filter);

        Assert.Equal(["ccare-demo-latgale"], rows.Select(r => r.Area).Distinct());
    }

    [Fact]
    public async Task ListSupportPlanCounts_FilteredToARegionByTheMinistry_AreThatRegionsRows()
    {
        var ministry = await world.SupportPlanCountsAsync("lm", MonitoringWorld.Filter(PeriodGranularity.Year));

        var filtered = await world.SupportPlanCountsAsync("lm", MonitoringWorld.Filter(PeriodGranularity.Year, region: "pr-riga"));

        Assert.Equal(ministry.Where(r => r.Region == "pr-riga"), filtered);
    }

    [Theory]
    [InlineData("pr-zemgale", "", "mun-riga")]
    [InlineData("mun-jelgava", "", "mun-bauska")]
    [InlineData("mun-jelgava", "pr-riga", "")]
    public async Task ListTransferCounts_NarrowedOutsideTheCallersScope_IsPermissionDenied(string caller, string region, string municipality)
    {
        var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => world.Monitoring(caller).ListTransferCountsAsync(
            new ListTransferCountsRequest { Filter = MonitoringWorld.Filter(PeriodGranularity.Year, region: region, municipality: municipality) }).ResponseAsync);

        Assert.Equal("STATISTICS_NOT_IN_SCOPE", status?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Theory]
    [InlineData("prov-demo-jelgava-workshop")]
    [InlineData("vsac-zemgale")]
    [InlineData("vsac-zemgale-jelgava")]
    [InlineData("ccare-demo-latgale")]
    [InlineData("siva")]
    public async Task EveryMonitoringCall_ByAProviderCareInstitutionOrAgency_IsRefused(string caller)
    {
        var client = world.Monitoring(caller);
        var filter = MonitoringWorld.Filter(PeriodGranularity.Year);
        Func<Task>[] calls =
        [
            () => client.ListTransferCountsAsync(new ListTransferCountsRequest { Filter = filter }).ResponseAsync,
            () => client.ListTransferDurationsAsync(new ListTransferDurationsRequest { Filter = filter }).ResponseAsync,
            () => client.ListOccupancyAsync(new ListOccupancyRequest { Filter = filter }).ResponseAsync,
            () => client.ListSupportPlanCountsAsync(new ListSupportPlanCountsRequest { Filter = filter }).ResponseAsync,
            () => client.ListAssessmentCountsAsync(new ListAssessmentCountsRequest { Filter = filter }).ResponseAsync,
            () => client.ListServiceVolumesAsync(new ListServiceVolumesRequest { Filter = filter }).ResponseAsync,
            () => client.ListPlanProgressAsync(new ListPlanProgressRequest()).ResponseAsync,
        ];
        Assert.Equal(MonitoringService.Descriptor.Methods.Count, calls.Length);

        foreach (var call in calls)
        {
            var status = await RpcAssert.FailsWith(StatusCode.PermissionDenied, call);
            Assert.Equal("CALL_NOT_ALLOWED", status?.GetDetail<ErrorInfo>()?.Reason);
        }
    }

    [Theory]
    [InlineData(2024, 1, 15, 2025, 1, 1, "filter.period.start_date")]
    [InlineData(2024, 1, 1, 2024, 1, 1, "filter.period.end_date")]
    [InlineData(2015, 1, 1, 2025, 2, 1, "filter.period.end_date")]
    public async Task ListTransferCounts_WithAPeriodNotOfWholeMonthsOrTooLong_NamesTheField(
        int fromYear, int fromMonth, int fromDay, int untilYear, int untilMonth, int untilDay, string field)
    {
        var filter = MonitoringWorld.Filter(PeriodGranularity.Month, new DateOnly(fromYear, fromMonth, fromDay), new DateOnly(untilYear, untilMonth, untilDay));

        await RpcAssert.InvalidField(field, () => world.Monitoring("lm").ListTransferCountsAsync(new ListTransferCountsRequest { Filter = filter }).ResponseAsync);
    }

    [Fact]
    public async Task ListTransferCounts_QuartersNotStartingAQuarter_NameTheStart()
    {
        var filter = MonitoringWorld.Filter(PeriodGranularity.Quarter, new DateOnly(2024, 2, 1));

        await RpcAssert.InvalidField("filter.period.start_date", () => world.Monitoring("lm").ListTransferCountsAsync(new ListTransferCountsRequest { Filter = filter }).ResponseAsync);
    }

    [Fact]
    public async Task Start_WithATargetOfAnUnknownRegion_FailsNamingTheFile()
    {
        var targets = Path.Combine(Path.GetTempPath(), "deinst-tests", $"plan-targets-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(targets)!);
        await File.WriteAllTextAsync(targets, """
            { "version": "bad", "targets": [ { "planningRegion": "pr-atlantis", "targetGroup": "ChildInOutOfFamilyCare", "year": 2024, "completedTransfers": 3, "source": "none" } ] }
            """);

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => GatewayProcess.StartAsync(null, "Monitoring:PlanTargetsPath=" + targets));

        Assert.Contains("target 0 names no planning region", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>No field of any answer can hold a person: no person message, no field named for a personal detail or a client.</summary>
    [Fact]
    public void MonitoringResponses_EveryFieldOfEveryMessage_IsNoPersonalField()
    {
        string[] personal = ["person", "personal_code", "given_name", "family_name", "birth_date", "client", "clients", "name"];
        var seen = new HashSet<string>();
        var pending = new Stack<MessageDescriptor>(MonitoringService.Descriptor.Methods.Select(m => m.OutputType));
        while (pending.TryPop(out var message))
        {
            if (!seen.Add(message.FullName) || message.FullName == InstitutionReference.Descriptor.FullName)
            {
                continue;
            }

            foreach (var field in message.Fields.InDeclarationOrder())
            {
                Assert.DoesNotContain(field.Name, personal);
                if (field.FieldType == FieldType.Message)
                {
                    Assert.NotEqual(Person.Descriptor.FullName, field.MessageType.FullName);
                    pending.Push(field.MessageType);
                }
            }
        }

        Assert.Contains(TransferCount.Descriptor.FullName, seen);
        Assert.Contains(ServiceVolume.Descriptor.FullName, seen);
    }

    /// <summary>Every answer about the years with the people made through the gateway holds none of their codes, names or ids.</summary>
    [Fact]
    public async Task MonitoringResponses_AboutPeopleMadeThroughTheGateway_HoldNoneOfTheirData()
    {
        var today = TestCalendar.Today;
        var filter = MonitoringWorld.Filter(PeriodGranularity.Year, MonitoringData.From, new DateOnly(today.Year + 2, 1, 1));
        var client = world.Monitoring("lm");
        IMessage[] answers =
        [
            await client.ListTransferCountsAsync(new ListTransferCountsRequest { Filter = filter, PageSize = 1000 }),
            await client.ListTransferDurationsAsync(new ListTransferDurationsRequest { Filter = filter }),
            await client.ListOccupancyAsync(new ListOccupancyRequest { Filter = filter, PageSize = 1000 }),
            await client.ListSupportPlanCountsAsync(new ListSupportPlanCountsRequest { Filter = filter, PageSize = 1000 }),
            await client.ListAssessmentCountsAsync(new ListAssessmentCountsRequest { Filter = filter, PageSize = 1000 }),
            await client.ListServiceVolumesAsync(new ListServiceVolumesRequest { Filter = filter, PageSize = 1000 }),
            await client.ListPlanProgressAsync(new ListPlanProgressRequest()),
        ];

        var text = string.Join("\n", answers.Select(a => JsonFormatter.Default.Format(a)));
        Assert.Contains(answers.OfType<ListTransferCountsResponse>().Single().Counts, c => c.PeriodStart.Year > MonitoringData.Until.Year);
        Assert.All(world.PersonalValues.Concat(world.Data.ClientIds), value => Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase));
    }
}
