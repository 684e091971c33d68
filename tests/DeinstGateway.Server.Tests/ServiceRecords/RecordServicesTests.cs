using System.Globalization;
using DeinstGateway.Core.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using static DeinstGateway.Server.Tests.ServiceRecords.ServiceRecordRequests;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>RecordServices and ListServiceRecords through gRPC: rules, resends, who may record and see.</summary>
public sealed class RecordServicesTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;
    private string _child = null!;
    private string _adult = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync();
        _child = (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", ChildTransfer())).Client;
        _adult = (await TransferClient.HandOverAsync(_gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: GroupHome, service: ServiceType.GroupHome))).Client;
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task Record_RespiteDaysUpToTheYearlyCap_AcceptedThenTheNextDayRejectedAndTheNextYearAccepted()
    {
        var response = await RecordAsync(_gateway, RespiteProvider,
            Respite(_child, new DateOnly(2025, 1, 6), 20),
            Respite(_child, new DateOnly(2025, 3, 3), 10),
            Respite(_child, new DateOnly(2025, 6, 2), 1),
            Respite(_child, new DateOnly(2026, 1, 5), 1));

        Assert.Equal((3, 0, 1), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Equal("RESPITE_CARE_DAYS_PER_YEAR", Assert.Single(Assert.Single(response.Rejections).Reasons).Code);
    }

    [Fact]
    public async Task Record_SentAgain_IsCountedAsDuplicate_AndARequestIdReusedForOtherContentIsRejected()
    {
        var record = Respite(_child, new DateOnly(2025, 2, 3), 2);
        var changed = record.Clone();
        changed.Quantity = 3;
        changed.LastDay.Day += 1;

        var first = await RecordAsync(_gateway, RespiteProvider, record);
        var again = await RecordAsync(_gateway, RespiteProvider, record, changed);

        Assert.Equal(1, first.Accepted);
        Assert.Equal((0, 1, 1), (again.Accepted, again.Duplicate, again.Rejected));
        Assert.Equal("REQUEST_ID_REUSED", again.Rejections.Single().Reasons.Single().Code);
        Assert.Single((await Records("lm").ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords);
    }

    [Fact]
    public async Task Record_ResentAfterTheYearlyCapIsReached_IsStillADuplicate_AndItsIdWithOtherContentRejectedAsReused()
    {
        var record = Respite(_child, new DateOnly(2025, 2, 3), 29);
        var first = await RecordAsync(_gateway, RespiteProvider, record, Respite(_child, new DateOnly(2025, 4, 7), 1));
        var changed = Respite(_child, new DateOnly(2025, 2, 3), 28);
        changed.RequestId = record.RequestId;

        var again = await RecordAsync(_gateway, RespiteProvider, record, changed);

        Assert.Equal(2, first.Accepted);
        Assert.Equal((0, 1, 1), (again.Accepted, again.Duplicate, again.Rejected));
        Assert.Equal("REQUEST_ID_REUSED", Assert.Single(Assert.Single(again.Rejections).Reasons).Code);
    }

    [Fact]
    public async Task Record_RejectedByARule_KeepsItsReason_WhenALaterRecordOfTheBatchTakesItsRequestId()
    {
        var overCap = Respite(_child, new DateOnly(2025, 2, 3), 31);
        var valid = Respite(_child, new DateOnly(2025, 2, 3), 3);
        valid.RequestId = overCap.RequestId;

        var response = await RecordAsync(_gateway, RespiteProvider, overCap, valid);

        Assert.Equal((1, 0, 1), (response.Accepted, response.Duplicate, response.Rejected));
        Assert.Contains("RESPITE_CARE_DAYS_PER_YEAR", Assert.Single(response.Rejections).Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Record_SameStreamThroughTwoGatewaysOnOneDatabaseAtOnce_StoresEachRecordOnce()
    {
        await using var replica = await GatewayProcess.StartAsync(_gateway.DatabasePath, "ServiceRecords:RecordBatchSize=7");
        // One day a fortnight: 26 a year, under the respite cap.
        var records = Enumerable.Range(0, 150).Select(i => Respite(_child, new DateOnly(2020, 1, 6).AddDays(i * 14), 1)).ToArray();

        var answers = await Task.WhenAll(
            RecordAsync(_gateway, RespiteProvider, records),
            RecordAsync(replica, RespiteProvider, records),
            RecordAsync(replica, RespiteProvider, records.Reverse().ToArray()));

        Assert.All(answers, a => Assert.Equal((0, 150), (a.Rejected, a.Accepted + a.Duplicate)));
        Assert.Equal(150, answers.Sum(a => a.Accepted));
        Assert.Equal(["150"], await SqliteFile.ColumnAsync(_gateway.DatabasePath, "SELECT COUNT(*) FROM service_records"));
    }

    [Fact]
    public async Task Record_SeveralRecordsOfOneClientInOneBatch_AreLoggedAsOneWriteAtTheirRecordTime()
    {
        var response = await RecordAsync(_gateway, RespiteProvider,
            Respite(_child, new DateOnly(2025, 8, 4), 1),
            Respite(_child, new DateOnly(2025, 8, 11), 1),
            Respite(_child, new DateOnly(2025, 8, 18), 1));

        var records = (await Records("lm").ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords;
        var accesses = (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = _child })).Accesses;
        Assert.Equal(3, response.Accepted);
        var written = Assert.Single(accesses, a => a.Method == "/deinst.v1.ServiceRecordService/RecordServices" && a.Outcome == AccessOutcome.Written);
        Assert.Equal("institutions/" + RespiteProvider, written.Institution);
        Assert.All(records, r => Assert.Equal(written.AccessTime, r.RecordTime));
    }

    [Fact]
    public async Task Record_RequestIdAnotherInstitutionUsed_IsAccepted()
    {
        var byProvider = Respite(_child, new DateOnly(2025, 5, 5), 1);
        var byMunicipality = Respite(_child, new DateOnly(2025, 5, 12), 1);
        byMunicipality.RequestId = byProvider.RequestId;

        var first = await RecordAsync(_gateway, RespiteProvider, byProvider);
        var second = await RecordAsync(_gateway, "mun-riga", byMunicipality);

        Assert.Equal((1, 1), (first.Accepted, second.Accepted));
        Assert.Equal(2, (await Records("lm").ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = _child })).ServiceRecords.Count);
    }

    [Fact]
    public async Task Record_AdultHomeCare_NeedsASupportPlanThatPlansIt()
    {
        var withoutPlan = await RecordAsync(_gateway, GroupHome, HomeCare(_adult, new DateOnly(2025, 3, 3)));
        await PutPlanAsync(_adult, "IAP-2025-1", ServiceType.HomeCare);
        var withPlan = await RecordAsync(_gateway, GroupHome, HomeCare(_adult, new DateOnly(2025, 3, 10)));

        Assert.Equal("HOME_CARE_ADULT_SUPPORT_PLAN", withoutPlan.Rejections.Single().Reasons.Single().Code);
        Assert.Equal(1, withPlan.Accepted);
    }

    [Fact]
    public async Task Record_AdultHomeCareOfSeveralClientsInOneStream_IsJudgedByEachClientsOwnPlans()
    {
        var other = (await TransferClient.HandOverAsync(_gateway, "vsac-zemgale",
            TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona", provider: GroupHome, service: ServiceType.GroupHome))).Client;
        await PutPlanAsync(_adult, "IAP-2025-1", ServiceType.HomeCare);
        await PutPlanAsync(other, "IAP-2025-1", ServiceType.GroupHome);
        var otherHomeCare = HomeCare(_adult, new DateOnly(2025, 3, 3));
        otherHomeCare.Client = other;

        var response = await RecordAsync(_gateway, GroupHome, HomeCare(_adult, new DateOnly(2025, 3, 3)), otherHomeCare);

        Assert.Equal(1, response.Accepted);
        var rejection = Assert.Single(response.Rejections);
        Assert.Equal((otherHomeCare.RequestId, "HOME_CARE_ADULT_SUPPORT_PLAN"), (rejection.RequestId, Assert.Single(rejection.Reasons).Code));
    }

    [Fact]
    public async Task Record_BreakingProviderAndFundingRules_IsRejectedWithEachReasonWhileTheOthersAreAccepted()
    {
        var notOffered = Respite(_child, new DateOnly(2025, 4, 7), 1);
        notOffered.ServiceType = ServiceType.GroupHome;
        notOffered.Unit = ServiceUnit.Places;
        var outsideEsf = Respite(_child, new DateOnly(2024, 4, 1), 1);
        outsideEsf.FundingSource = FundingSource.EsfProject;
        outsideEsf.EsfProjectCode = RigaProject;
        var unknownProject = Respite(_child, new DateOnly(2022, 4, 4), 1);
        unknownProject.FundingSource = FundingSource.EsfProject;
        unknownProject.EsfProjectCode = "9.9.9/99/X/999";
        var insideEsf = Respite(_child, new DateOnly(2022, 5, 2), 1);
        insideEsf.FundingSource = FundingSource.EsfProject;
        insideEsf.EsfProjectCode = RigaProject;

        var response = await RecordAsync(_gateway, RespiteProvider, notOffered, outsideEsf, unknownProject, insideEsf);

        Assert.Equal(1, response.Accepted);
        Assert.Equal(
            [(notOffered.RequestId, "PROVIDER_DOES_NOT_OFFER_SERVICE"), (outsideEsf.RequestId, "ESF_OUTSIDE_PROJECT_PERIOD"), (unknownProject.RequestId, "ESF_PROJECT_UNKNOWN")],
            response.Rejections.Select(r => (r.RequestId, r.Reasons.Select(x => x.Code).First(c => c != "UNIT_DOES_NOT_MATCH_SERVICE"))));
    }

    [Theory]
    [InlineData("prov-cimdins")]
    [InlineData("mun-jelgava")]
    public async Task Record_ByAnInstitutionWithoutARelationToTheClient_IsRejectedExactlyAsForAnUnknownClient(string caller)
    {
        var existing = Respite(_child, new DateOnly(2025, 4, 7), 1);
        var unknown = Respite("clients/" + Guid.NewGuid(), new DateOnly(2025, 4, 7), 1);

        var response = await RecordAsync(_gateway, caller, existing, unknown);

        Assert.Equal(0, response.Accepted);
        Assert.Equal(
            response.Rejections[1].Reasons.Single(),
            response.Rejections[0].Reasons.Single());
        Assert.Equal("CLIENT_UNKNOWN", response.Rejections[0].Reasons.Single().Code);
        var latest = (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = _child })).Accesses[0];
        Assert.Equal(("institutions/" + caller, AccessOutcome.Refused), (latest.Institution, latest.Outcome));
    }

    [Fact]
    public async Task Record_ByTheResponsibleMunicipality_IsAccepted_AndForAnUnknownClientRejected()
    {
        var unknown = Respite(_child, new DateOnly(2025, 4, 7), 1);
        unknown.Client = "clients/" + Guid.NewGuid();

        var response = await RecordAsync(_gateway, "mun-riga", Respite(_child, new DateOnly(2025, 4, 14), 1), unknown);

        Assert.Equal(1, response.Accepted);
        Assert.Equal("CLIENT_UNKNOWN", response.Rejections.Single().Reasons.Single().Code);
    }

    [Theory]
    [InlineData("lm", 1)]
    [InlineData("pr-riga", 1)]
    [InlineData("mun-riga", 1)]
    [InlineData(RespiteProvider, 1)]
    [InlineData("mun-madona", 0)]
    [InlineData("prov-cimdins", 0)]
    public async Task List_ForEachKindOfInstitution_ShowsRecordsOfProvidersInItsScope(string caller, int expected)
    {
        await RecordAsync(_gateway, RespiteProvider, Respite(_child, new DateOnly(2025, 5, 5), 2));

        var page = await Records(caller).ListServiceRecordsAsync(new ListServiceRecordsRequest());

        Assert.Equal(expected, page.ServiceRecords.Count);
        Assert.All(page.ServiceRecords, r => Assert.Equal((_child, 2L), (r.Client, r.Quantity)));
    }

    [Fact]
    public async Task List_ByAMunicipalityResponsibleForTheClient_ShowsItsServicesWhereverDelivered()
    {
        var toMadona = ChildTransfer();
        toMadona.Transfer.Person = (await Transfers("mun-riga").GetTransferAsync(new GetTransferRequest { Name = await ChildTransferNameAsync() })).Person;
        toMadona.Transfer.DestinationMunicipality = "institutions/mun-madona";
        toMadona.Transfer.DestinationProvider = string.Empty;
        Assert.Equal(_child, (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", toMadona, complete: false)).Client);
        await RecordAsync(_gateway, RespiteProvider, Respite(_child, new DateOnly(2025, 6, 2), 1));

        var page = await Records("mun-madona").ListServiceRecordsAsync(new ListServiceRecordsRequest());

        Assert.Equal((_child, "institutions/" + RespiteProvider), (Assert.Single(page.ServiceRecords).Client, Assert.Single(page.ServiceRecords).Provider.Name));
    }

    [Fact]
    public async Task List_ByACareCentre_IsPermissionDenied() =>
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => Records("vsac-zemgale").ListServiceRecordsAsync(new ListServiceRecordsRequest()).ResponseAsync);

    /// <summary>A plan of Madona's, in force from 2025 on, that plans ten units a week of one service.</summary>
    private async Task PutPlanAsync(string client, string planId, ServiceType service) =>
        await new SupportPlanService.SupportPlanServiceClient(_gateway.ChannelFor("mun-madona")).PutSupportPlanAsync(new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = client + "/supportPlans/" + planId,
                AssessmentDate = TransferRequests.Date(new DateOnly(2024, 12, 1)),
                Validity = new DateRange { StartDate = TransferRequests.Date(new DateOnly(2025, 1, 1)) },
                PlannedServices = { new PlannedService { ServiceType = service, Volume = 10, Period = VolumePeriod.Week } },
            },
        });

    private ServiceRecordService.ServiceRecordServiceClient Records(string caller) => new(_gateway.ChannelFor(caller));

    private TransferService.TransferServiceClient Transfers(string caller) => new(_gateway.ChannelFor(caller));

    private async Task<string> ChildTransferNameAsync() =>
        (await Transfers("mun-riga").ListTransfersAsync(new ListTransfersRequest())).Transfers.Single(t => t.Client == _child).Name;
}
