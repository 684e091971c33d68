using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Transfers;

[Collection(SharedGatewayCollection.Name)]
public sealed class SubmitTransfersTests(GatewayFixture fixture)
{
    private const string Centre = "vsac-zemgale";
    private GatewayProcess Gateway => fixture.Gateway;

    [Fact]
    public async Task Submit_ValidTransfer_IsCreatedAndShownToTheDestinationWithThePerson()
    {
        var request = TransferRequests.Valid();

        var response = (await TransferClient.SubmitAsync(Gateway, Centre, [request])).Single();
        var seen = await Transfers("mun-jelgava").GetTransferAsync(new GetTransferRequest { Name = response.Transfer });

        Assert.Equal(SubmitOutcome.Created, response.Outcome);
        Assert.Equal(request.RequestId, response.RequestId);
        Assert.Null(response.Error);
        Assert.Equal(TransferState.Submitted, seen.State);
        Assert.Equal(request.Transfer.CaseNumber, seen.CaseNumber);
        Assert.Equal(request.Transfer.Person.PersonalCode, seen.Person.PersonalCode);
        Assert.Equal("Bērziņa", seen.Person.FamilyName);
        Assert.Equal(request.Transfer.Person.BirthDate, seen.Person.BirthDate);
        Assert.Equal("institutions/vsac-zemgale-jelgava", seen.Source.Name);
        Assert.StartsWith("clients/", seen.Client, StringComparison.Ordinal);
        var submitted = Assert.Single(seen.History);
        Assert.Equal((TransferState.Unspecified, TransferState.Submitted, "institutions/vsac-zemgale"),
            (submitted.FromState, submitted.ToState, submitted.Actor.Name));
    }

    [Fact]
    public async Task Submit_SameMessageAgain_IsDuplicateNamingTheOriginal()
    {
        var request = TransferRequests.Valid();

        var first = (await TransferClient.SubmitAsync(Gateway, Centre, [request])).Single();
        var again = (await TransferClient.SubmitAsync(Gateway, Centre, [request])).Single();
        var resentWithNewRequestId = request.Clone();
        resentWithNewRequestId.RequestId = Guid.NewGuid().ToString();
        var third = (await TransferClient.SubmitAsync(Gateway, Centre, [resentWithNewRequestId])).Single();

        Assert.Equal(SubmitOutcome.Created, first.Outcome);
        Assert.Equal((SubmitOutcome.Duplicate, first.Transfer), (again.Outcome, again.Transfer));
        Assert.Equal((SubmitOutcome.Duplicate, first.Transfer), (third.Outcome, third.Transfer));
    }

    [Fact]
    public async Task Submit_SameCaseNumberWithOtherContent_IsConflict()
    {
        var request = TransferRequests.Valid();
        var changed = request.Clone();
        changed.RequestId = Guid.NewGuid().ToString();
        changed.Transfer.PlannedMoveDate.Day = changed.Transfer.PlannedMoveDate.Day == 1 ? 2 : 1;

        var responses = await TransferClient.SubmitAsync(Gateway, Centre, [request, changed]);

        Assert.Equal(SubmitOutcome.Conflict, responses[1].Outcome);
        Assert.Empty(responses[1].Transfer);
        Assert.Equal((int)Code.AlreadyExists, responses[1].Error.Code);
        var info = responses[1].Error.Details.Single().Unpack<ErrorInfo>();
        Assert.Equal("CASE_NUMBER_REUSED", info.Reason);
    }

    [Fact]
    public async Task Submit_SameRequestIdWithOtherContent_IsConflict()
    {
        var first = TransferRequests.Valid();
        var second = TransferRequests.Valid();
        second.RequestId = first.RequestId;

        var responses = await TransferClient.SubmitAsync(Gateway, Centre, [first, second]);

        Assert.Equal(SubmitOutcome.Created, responses[0].Outcome);
        Assert.Equal(SubmitOutcome.Conflict, responses[1].Outcome);
        Assert.Equal("REQUEST_ID_REUSED", responses[1].Error.Details.Single().Unpack<ErrorInfo>().Reason);
    }

    [Fact]
    public async Task Submit_SameRequestIdWithOtherContentOnALaterStream_IsConflict()
    {
        var first = TransferRequests.Valid();
        var second = TransferRequests.Valid();
        second.RequestId = first.RequestId.ToUpperInvariant();

        var earlier = await TransferClient.SubmitAsync(Gateway, Centre, [first]);
        var later = await TransferClient.SubmitAsync(Gateway, Centre, [second, first]);

        Assert.Equal(SubmitOutcome.Created, earlier[0].Outcome);
        Assert.Equal(SubmitOutcome.Conflict, later[0].Outcome);
        Assert.Equal("REQUEST_ID_REUSED", later[0].Error.Details.Single().Unpack<ErrorInfo>().Reason);
        Assert.Equal(SubmitOutcome.Duplicate, later[1].Outcome);
        Assert.Equal(earlier[0].Transfer, later[1].Transfer);
    }

    [Fact]
    public async Task Submit_RequestIdAnotherInstitutionUsed_IsCreated()
    {
        var theirs = TransferRequests.Valid(source: "vsac-kurzeme");
        var ours = TransferRequests.Valid();
        ours.RequestId = theirs.RequestId;

        var theirAnswer = await TransferClient.SubmitAsync(Gateway, "vsac-kurzeme", [theirs]);
        var ourAnswer = await TransferClient.SubmitAsync(Gateway, Centre, [ours]);

        Assert.Equal(SubmitOutcome.Created, theirAnswer[0].Outcome);
        Assert.Equal(SubmitOutcome.Created, ourAnswer[0].Outcome);
        Assert.NotEqual(theirAnswer[0].Transfer, ourAnswer[0].Transfer);
    }

    [Fact]
    public async Task Submit_InvalidMessageAmongValidOnes_IsRejectedAndTheOthersProceedInOrder()
    {
        var before = TransferRequests.Valid();
        var invalid = TransferRequests.Valid();
        invalid.Transfer.Person.PersonalCode = "150385-12345";
        var after = TransferRequests.Valid();

        var responses = await TransferClient.SubmitAsync(Gateway, Centre, [before, invalid, after]);

        Assert.Equal([before.RequestId, invalid.RequestId, after.RequestId], responses.Select(r => r.RequestId));
        Assert.Equal([SubmitOutcome.Created, SubmitOutcome.Rejected, SubmitOutcome.Created], responses.Select(r => r.Outcome));
        Assert.Equal((int)Code.InvalidArgument, responses[1].Error.Code);
        var violations = responses[1].Error.Details.Single().Unpack<BadRequest>().FieldViolations;
        Assert.Equal(["transfer.person.personal_code"], violations.Select(v => v.Field));
        Assert.DoesNotContain("150385", responses[1].Error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, Action<SubmitTransferRequest>> InvalidMessages => new()
    {
        { "request_id", r => r.RequestId = "not-a-uuid" },
        { "transfer.case_number", r => r.Transfer.CaseNumber = "" },
        { "transfer.person.personal_code", r => r.Transfer.Person.PersonalCode = "1503851234" },
        { "transfer.person.personal_code", r => r.Transfer.Person.PersonalCode = "310285-12345" },
        { "transfer.person.birth_date", r => r.Transfer.Person.BirthDate.Year -= 1 },
        { "transfer.person.birth_date", r => r.Transfer.Person.BirthDate = new Google.Type.Date { Year = 2001, Month = 2, Day = 29 } },
        { "transfer.person.given_name", r => r.Transfer.Person.GivenName = "" },
        { "transfer.person.family_name", r => r.Transfer.Person.FamilyName = "Bērziņa\u0000" },
        { "transfer.target_group", r => r.Transfer.TargetGroup = TargetGroup.ChildInOutOfFamilyCare },
        { "transfer.target_group", r => r.Transfer.TargetGroup = (TargetGroup)99 },
        { "transfer.source", r => r.Transfer.Source = "institutions/vsac-latgale-kalupe" },
        { "transfer.source", r => r.Transfer.Source = "institutions/mun-jelgava" },
        { "transfer.destination_municipality", r => r.Transfer.DestinationMunicipality = "institutions/mun-varaklani" },
        { "transfer.destination_municipality", r => r.Transfer.DestinationMunicipality = "institutions/prov-cimdins" },
        { "transfer.destination_municipality", r => r.Transfer.DestinationMunicipality = "mun-jelgava" },
        { "transfer.requested_services", r => r.Transfer.RequestedServices.Clear() },
        { "transfer.requested_services", r => r.Transfer.RequestedServices.Add((ServiceType)77) },
        { "transfer.destination_provider", r => r.Transfer.DestinationProvider = "institutions/mun-riga" },
        { "transfer.planned_move_date", r => r.Transfer.PlannedMoveDate = new Google.Type.Date { Year = 2014, Month = 12, Day = 31 } },
        { "transfer.planned_move_date", r => r.Transfer.PlannedMoveDate = new Google.Type.Date { Year = 2026, Month = 13, Day = 1 } },
        { "transfer.support_plan_reference", r => r.Transfer.SupportPlanReference = "Plāns: dzīvo pie māsas" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task Submit_InvalidField_IsRejectedNamingThatField(string field, Action<SubmitTransferRequest> spoil)
    {
        var request = TransferRequests.Valid();
        spoil(request);

        var response = (await TransferClient.SubmitAsync(Gateway, Centre, [request])).Single();

        Assert.Equal(SubmitOutcome.Rejected, response.Outcome);
        Assert.Contains(field, response.Error.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Submit_FromAMunicipality_IsPermissionDenied()
    {
        var exception = await Assert.ThrowsAsync<RpcException>(
            () => TransferClient.SubmitAsync(Gateway, "mun-jelgava", [TransferRequests.Valid()]));

        Assert.Equal(StatusCode.PermissionDenied, exception.StatusCode);
    }

    [Fact]
    public async Task Submit_SamePersonInTwoCases_SharesOneClient()
    {
        var first = TransferRequests.Valid();
        var second = TransferRequests.Valid(destination: "mun-bauska");
        second.Transfer.Person = first.Transfer.Person.Clone();
        second.Transfer.Person.PersonalCode = first.Transfer.Person.PersonalCode.Replace("-", string.Empty, StringComparison.Ordinal);

        var responses = await TransferClient.SubmitAsync(Gateway, Centre, [first, second]);
        var one = await Transfers(Centre).GetTransferAsync(new GetTransferRequest { Name = responses[0].Transfer });
        var two = await Transfers(Centre).GetTransferAsync(new GetTransferRequest { Name = responses[1].Transfer });

        Assert.Equal([SubmitOutcome.Created, SubmitOutcome.Created], responses.Select(r => r.Outcome));
        Assert.Equal(one.Client, two.Client);
    }

    [Fact]
    public async Task Submit_PersonWhoChangedToANewFormatCode_KeepsTheClient()
    {
        var withOldCode = TransferRequests.Valid();
        var withNewCode = TransferRequests.Valid();
        withNewCode.Transfer.Person = withOldCode.Transfer.Person.Clone();
        withNewCode.Transfer.Person.FormerPersonalCode = withOldCode.Transfer.Person.PersonalCode;
        withNewCode.Transfer.Person.PersonalCode = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var responses = await TransferClient.SubmitAsync(Gateway, Centre, [withOldCode, withNewCode]);
        var one = await Transfers(Centre).GetTransferAsync(new GetTransferRequest { Name = responses[0].Transfer });
        var two = await Transfers(Centre).GetTransferAsync(new GetTransferRequest { Name = responses[1].Transfer });

        Assert.Equal(one.Client, two.Client);
        Assert.Equal(withNewCode.Transfer.Person.PersonalCode, two.Person.PersonalCode);
        Assert.Equal(withOldCode.Transfer.Person.PersonalCode, two.Person.FormerPersonalCode);
    }

    private TransferService.TransferServiceClient Transfers(string caller) => new(Gateway.ChannelFor(caller));
}
