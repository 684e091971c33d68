using DeinstGateway.Server.Tests.Infrastructure;
using DeinstGateway.Server.Tests.ServiceRecords;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Clients;

/// <summary>A municipality registers, looks up, lists and views its clients; responsibility follows the handover.</summary>
public sealed class ClientServiceTests : IAsyncLifetime
{
    private GatewayProcess _gateway = null!;

    public async Task InitializeAsync() => _gateway = await GatewayProcess.StartAsync();

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task RegisterClient_ANewPerson_MakesTheMunicipalityResponsibleAndFindsThemByEitherCodeFormat()
    {
        var registration = ClientRequests.Registration();

        var client = await _gateway.Clients("mun-cesis").RegisterClientAsync(registration);
        var found = await _gateway.Clients("mun-cesis").LookupClientAsync(
            new LookupClientRequest { PersonalCode = registration.Person.PersonalCode.Replace("-", string.Empty, StringComparison.Ordinal) });
        var overview = await _gateway.Clients("mun-cesis").GetClientAsync(new GetClientRequest { Name = client.Name });

        Assert.Equal(client, found);
        Assert.Equal((registration.Person.GivenName, TargetGroup.AdultWithIntellectualOrMentalDisability), (client.Person.GivenName, client.TargetGroup));
        var responsibility = Assert.Single(overview.Responsibilities);
        Assert.Equal(("institutions/mun-cesis", registration.ResponsibleFrom, (Google.Type.Date?)null),
            (responsibility.Institution.Name, responsibility.Validity.StartDate, responsibility.Validity.EndDate));
        Assert.Matches("^clients/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", client.Name);
    }

    [Fact]
    public async Task RegisterClient_SentAgain_AnswersTheSameClient_AndTheRequestIdWithOtherContentIsAlreadyExists()
    {
        var registration = ClientRequests.Registration();
        var first = await _gateway.Clients("mun-cesis").RegisterClientAsync(registration);

        var again = await _gateway.Clients("mun-cesis").RegisterClientAsync(registration);
        var changed = registration.Clone();
        changed.Person.GivenName = "Ieva";
        var reused = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _gateway.Clients("mun-cesis").RegisterClientAsync(changed).ResponseAsync);

        Assert.Equal(first, again);
        Assert.Equal("REQUEST_ID_REUSED", reused?.GetDetail<ErrorInfo>()?.Reason);
        Assert.Equal(["1"], await SqliteFile.ColumnAsync(_gateway.DatabasePath, "SELECT COUNT(*) FROM client_registrations"));
    }

    [Fact]
    public async Task RegisterClient_OfAPersonTheGatewayHolds_IsAlreadyExistsNamingNoOne_AndLoggedAsRefused()
    {
        var registration = ClientRequests.Registration();
        var held = await _gateway.Clients("mun-cesis").RegisterClientAsync(registration);
        var elsewhere = registration.Clone();
        elsewhere.RequestId = Guid.NewGuid().ToString();

        var refused = await RpcAssert.FailsWith(StatusCode.AlreadyExists, () => _gateway.Clients("mun-valmiera").RegisterClientAsync(elsewhere).ResponseAsync);

        Assert.Equal("CLIENT_EXISTS", refused?.GetDetail<ErrorInfo>()?.Reason);
        Assert.DoesNotContain("mun-cesis", refused?.Message ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(held.Name["clients/".Length..], refused?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var log = (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = held.Name })).Accesses;
        Assert.Equal(("institutions/mun-valmiera", AccessOutcome.Refused, "/deinst.v1.ClientService/RegisterClient"), (log[0].Institution, log[0].Outcome, log[0].Method));
    }

    [Theory]
    [InlineData("request_id", "not-a-uuid", "", 1)]
    [InlineData("person.personal_code", "", "150385-12345", 1)]
    [InlineData("responsible_from", "", "", 2014)]
    public async Task RegisterClient_InvalidField_IsInvalidArgumentNamingIt(string field, string requestId, string code, int fromYear)
    {
        var registration = ClientRequests.Registration();
        registration.RequestId = requestId.Length > 0 ? requestId : registration.RequestId;
        registration.Person.PersonalCode = code.Length > 0 ? code : registration.Person.PersonalCode;
        registration.ResponsibleFrom.Year = fromYear > 1 ? fromYear : registration.ResponsibleFrom.Year;

        await RpcAssert.InvalidField(field, () => _gateway.Clients("mun-cesis").RegisterClientAsync(registration).ResponseAsync);
        Assert.Equal(["0"], await SqliteFile.ColumnAsync(_gateway.DatabasePath, "SELECT COUNT(*) FROM clients"));
    }

    [Fact]
    public async Task Responsibility_AcrossTheTransferLife_StartsAtAcceptanceAndEndsWhenCompletedElsewhereOrCancelled()
    {
        var request = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-madona");
        var submitted = await TransferClient.CreateAsync(_gateway, "vsac-zemgale", request);
        var code = request.Transfer.Person.PersonalCode;

        // Submitted: the destination has no relation yet.
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _gateway.Clients("mun-madona").LookupClientAsync(new LookupClientRequest { PersonalCode = code }).ResponseAsync);

        // Accepted, completed: Madona is responsible.
        var accepted = await _gateway.Transfers("mun-madona").AcceptTransferAsync(new AcceptTransferRequest { Name = submitted.Name, Etag = submitted.Etag });
        await _gateway.Transfers("mun-madona").CompleteTransferAsync(new CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag });
        Assert.Equal(submitted.Client, (await _gateway.Clients("mun-madona").LookupClientAsync(new LookupClientRequest { PersonalCode = code })).Name);

        // A move on to Rīga, accepted then cancelled: Rīga's responsibility ends, Madona's stays.
        var onward = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-riga");
        onward.Transfer.Person = request.Transfer.Person.Clone();
        var toRiga = await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", onward, complete: false);
        Assert.Equal(["mun-madona", "mun-riga"], ClientRequests.OpenResponsibilities(await OverviewAsync("mun-madona", submitted.Client)));
        await _gateway.Transfers("vsac-zemgale").CancelTransferAsync(new CancelTransferRequest { Name = toRiga.Name, Etag = toRiga.Etag });
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _gateway.Clients("mun-riga").LookupClientAsync(new LookupClientRequest { PersonalCode = code }).ResponseAsync);
        Assert.Equal(["mun-madona"], ClientRequests.OpenResponsibilities(await OverviewAsync("mun-madona", submitted.Client)));

        // A move to Valmiera completed: Madona's responsibility ends, with its plans, records and log.
        var toValmiera = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-valmiera");
        toValmiera.Transfer.Person = request.Transfer.Person.Clone();
        await TransferClient.HandOverAsync(_gateway, "vsac-zemgale", toValmiera);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _gateway.Clients("mun-madona").LookupClientAsync(new LookupClientRequest { PersonalCode = code }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => new SupportPlanService.SupportPlanServiceClient(_gateway.ChannelFor("mun-madona"))
            .ListSupportPlansAsync(new ListSupportPlansRequest { Parent = submitted.Client }).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.NotFound, () => new AuditService.AuditServiceClient(_gateway.ChannelFor("mun-madona"))
            .ListClientAccessAsync(new ListClientAccessRequest { Parent = submitted.Client }).ResponseAsync);
        var history = (await OverviewAsync("mun-valmiera", submitted.Client)).Responsibilities;
        Assert.Equal(
            [("institutions/mun-madona", true), ("institutions/mun-riga", true), ("institutions/mun-valmiera", false)],
            history.Select(r => (r.Institution.Name, r.Validity.EndDate is not null)).ToList());
    }

    [Fact]
    public async Task ListClients_OfAMunicipality_ShowsOnlyItsOwnClients_FilteredByTargetGroupAndValidPlan()
    {
        var adult = await _gateway.Clients("mun-cesis").RegisterClientAsync(ClientRequests.Registration());
        var childRegistration = ClientRequests.Registration();
        childRegistration.TargetGroup = TargetGroup.ChildInOutOfFamilyCare;
        var child = await _gateway.Clients("mun-cesis").RegisterClientAsync(childRegistration);
        await _gateway.Clients("mun-valmiera").RegisterClientAsync(ClientRequests.Registration());
        await new SupportPlanService.SupportPlanServiceClient(_gateway.ChannelFor("mun-cesis")).PutSupportPlanAsync(new PutSupportPlanRequest
        {
            SupportPlan = new SupportPlan
            {
                Name = adult.Name + "/supportPlans/IAP-1",
                AssessmentDate = TransferRequests.Date(TestCalendar.Today),
                Validity = new DateRange { StartDate = TransferRequests.Date(TestCalendar.Today) },
                PlannedServices = { new PlannedService { ServiceType = ServiceType.HomeCare, Volume = 5, Period = VolumePeriod.Week } },
            },
        });

        async Task<List<string>> NamesAsync(ListClientsRequest request) =>
            (await _gateway.Clients("mun-cesis").ListClientsAsync(request)).Clients.Select(c => c.Name).ToList();

        Assert.Equal(new[] { adult.Name, child.Name }.Order(StringComparer.Ordinal), await NamesAsync(new ListClientsRequest()));
        Assert.Equal([child.Name], await NamesAsync(new ListClientsRequest { TargetGroup = TargetGroup.ChildInOutOfFamilyCare }));
        Assert.Equal([adult.Name], await NamesAsync(new ListClientsRequest { HasValidSupportPlan = true }));
        Assert.Equal([child.Name], await NamesAsync(new ListClientsRequest { HasValidSupportPlan = false }));
        var firstPage = await _gateway.Clients("mun-cesis").ListClientsAsync(new ListClientsRequest { PageSize = 1 });
        var secondPage = await _gateway.Clients("mun-cesis").ListClientsAsync(new ListClientsRequest { PageSize = 1, PageToken = firstPage.NextPageToken });
        Assert.Equal(new[] { adult.Name, child.Name }.Order(StringComparer.Ordinal), firstPage.Clients.Concat(secondPage.Clients).Select(c => c.Name));
        await RpcAssert.InvalidField("page_token", () => _gateway.Clients("mun-cesis")
            .ListClientsAsync(new ListClientsRequest { PageSize = 1, PageToken = firstPage.NextPageToken, TargetGroup = TargetGroup.ChildInOutOfFamilyCare }).ResponseAsync);
    }

    [Fact]
    public async Task GetClient_OfAChildWithRespiteCare_ShowsThisYearsDaysAndWhatRemainsUnderTheCap()
    {
        var child = (await TransferClient.HandOverAsync(_gateway, "ccare-demo-latgale", ServiceRecordRequests.ChildTransfer())).Client;
        var year = TestCalendar.Today.Year;
        Assert.Equal(1, (await ServiceRecordRequests.RecordAsync(_gateway, ServiceRecordRequests.RespiteProvider,
            ServiceRecordRequests.Respite(child, new DateOnly(year, 1, 5), 4))).Accepted);

        var riga = await OverviewAsync("mun-riga", child);
        var provider = await OverviewAsync(ServiceRecordRequests.RespiteProvider, child);
        var ministry = await OverviewAsync("lm", child);

        var respite = Assert.Single(riga.Services);
        Assert.Equal((ServiceType.RespiteCare, 4L, 30L, 26L), (respite.ServiceType, respite.DeliveredThisYear, respite.YearlyCap, respite.RemainingThisYear));
        Assert.Equal(["institutions/" + ServiceRecordRequests.RespiteProvider], riga.Providers.Select(p => p.Institution.Name));
        Assert.NotEmpty(riga.Client.Person.PersonalCode);
        Assert.NotEmpty(provider.Client.Person.PersonalCode);
        Assert.Equal(string.Empty, ministry.Client.Person.PersonalCode);
        Assert.Equal(string.Empty, Assert.Single(ministry.Transfers).Person.PersonalCode);
        Assert.Equal(riga.Services, ministry.Services);
    }

    [Fact]
    public async Task ChangeClientPersonalCode_ByTheResponsibleMunicipality_KeepsTheClientFoundByBothCodesAndIsLogged()
    {
        var registration = ClientRequests.Registration();
        var client = await _gateway.Clients("mun-cesis").RegisterClientAsync(registration);
        var newCode = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var change = new ChangeClientPersonalCodeRequest { Name = client.Name, PersonalCode = newCode };

        await RpcAssert.FailsWith(StatusCode.NotFound, () => _gateway.Clients("mun-valmiera").ChangeClientPersonalCodeAsync(change).ResponseAsync);
        var changed = await _gateway.Clients("mun-cesis").ChangeClientPersonalCodeAsync(change);
        var again = await _gateway.Clients("mun-cesis").ChangeClientPersonalCodeAsync(change);

        Assert.Equal((newCode, registration.Person.PersonalCode), (changed.Person.PersonalCode, changed.Person.FormerPersonalCode));
        Assert.Equal(changed, again);
        foreach (var code in new[] { newCode, registration.Person.PersonalCode })
        {
            Assert.Equal(client.Name, (await _gateway.Clients("mun-cesis").LookupClientAsync(new LookupClientRequest { PersonalCode = code })).Name);
        }

        var other = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var twice = await RpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _gateway.Clients("mun-cesis").ChangeClientPersonalCodeAsync(new ChangeClientPersonalCodeRequest { Name = client.Name, PersonalCode = other }).ResponseAsync);
        Assert.Equal("PERSONAL_CODE_ALREADY_CHANGED", twice?.GetDetail<ErrorInfo>()?.Reason);
        var log = (await new AuditService.AuditServiceClient(_gateway.ChannelFor("lm")).ListClientAccessAsync(new ListClientAccessRequest { Parent = client.Name })).Accesses;
        Assert.Contains(log, a => a.Method == "/deinst.v1.ClientService/ChangeClientPersonalCode" && a.Outcome == AccessOutcome.Written);
        Assert.Contains(log, a => a.Method == "/deinst.v1.ClientService/ChangeClientPersonalCode" && a.Outcome == AccessOutcome.Refused);
    }

    [Fact]
    public async Task ChangeClientPersonalCode_ToACodeAnotherClientHolds_IsAlreadyExistsAndChangesNothing()
    {
        var first = await _gateway.Clients("mun-cesis").RegisterClientAsync(ClientRequests.Registration());
        var holderRegistration = ClientRequests.Registration();
        var holderCode = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var holder = await _gateway.Clients("mun-cesis").RegisterClientAsync(holderRegistration);
        await _gateway.Clients("mun-cesis").ChangeClientPersonalCodeAsync(new ChangeClientPersonalCodeRequest { Name = holder.Name, PersonalCode = holderCode });

        await RpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => _gateway.Clients("mun-cesis").ChangeClientPersonalCodeAsync(new ChangeClientPersonalCodeRequest { Name = first.Name, PersonalCode = holderCode }).ResponseAsync);

        Assert.Equal(holder.Name, (await _gateway.Clients("mun-cesis").LookupClientAsync(new LookupClientRequest { PersonalCode = holderCode })).Name);
        Assert.Equal(first, await _gateway.Clients("mun-cesis").LookupClientAsync(new LookupClientRequest { PersonalCode = first.Person.PersonalCode }));
    }

    [Fact]
    public async Task Submission_NamingANewCodeForAnExistingClientsFormerCode_LinksTheClientButDoesNotSwitchItsCode()
    {
        var registration = ClientRequests.Registration();
        var client = await _gateway.Clients("mun-cesis").RegisterClientAsync(registration);
        var submission = TransferRequests.Valid(source: "vsac-zemgale", destination: "mun-cesis");
        submission.Transfer.Person = registration.Person.Clone();
        submission.Transfer.Person.FormerPersonalCode = registration.Person.PersonalCode;
        submission.Transfer.Person.PersonalCode = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var transfer = await TransferClient.CreateAsync(_gateway, "vsac-zemgale", submission);

        Assert.Equal(client.Name, transfer.Client);
        Assert.Equal(client, await _gateway.Clients("mun-cesis").LookupClientAsync(new LookupClientRequest { PersonalCode = registration.Person.PersonalCode }));
        await RpcAssert.FailsWith(StatusCode.NotFound, () => _gateway.Clients("mun-cesis")
            .LookupClientAsync(new LookupClientRequest { PersonalCode = submission.Transfer.Person.PersonalCode }).ResponseAsync);
    }

    private async Task<ClientOverview> OverviewAsync(string caller, string client) =>
        await _gateway.Clients(caller).GetClientAsync(new GetClientRequest { Name = client });
}
