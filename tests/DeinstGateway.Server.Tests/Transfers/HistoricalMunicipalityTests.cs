using DeinstGateway.Server.Tests.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Rpc;

namespace DeinstGateway.Server.Tests.Transfers;

/// <summary>
/// Moves from 2015 on name the municipality of their day: a pre-2021 county until 2021-07-01
/// (Vecumnieki, whose successor is Bauska), today's municipality from then on.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class HistoricalMunicipalityTests(GatewayFixture fixture)
{
    private const string Centre = "vsac-zemgale";

    [Fact]
    public async Task Submit_2018MoveToAPreReformCounty_IsCreatedNamingThatCounty()
    {
        var request = Move("mun-pre2021-vecumnieki", new DateOnly(2018, 3, 1));

        var response = (await TransferClient.SubmitAsync(fixture.Gateway, Centre, [request])).Single();

        Assert.Equal(SubmitOutcome.Created, response.Outcome);
        var transfer = await new TransferService.TransferServiceClient(fixture.Gateway.ChannelFor(Centre))
            .GetTransferAsync(new GetTransferRequest { Name = response.Transfer });
        Assert.Equal("institutions/mun-pre2021-vecumnieki", transfer.DestinationMunicipality.Name);
    }

    [Fact]
    public async Task Successor_OfThePreReformCounty_SeesAcceptsAndCompletesItsTransferAndBecomesResponsible()
    {
        var submitted = await TransferClient.CreateAsync(fixture.Gateway, Centre, Move("mun-pre2021-vecumnieki", new DateOnly(2018, 3, 1)));
        var bauska = new TransferService.TransferServiceClient(fixture.Gateway.ChannelFor("mun-bauska"));

        var seen = await bauska.GetTransferAsync(new GetTransferRequest { Name = submitted.Name });
        var accepted = await bauska.AcceptTransferAsync(new AcceptTransferRequest { Name = seen.Name, Etag = seen.Etag });
        var completed = await bauska.CompleteTransferAsync(new CompleteTransferRequest { Name = accepted.Name, Etag = accepted.Etag });
        var client = await new ClientService.ClientServiceClient(fixture.Gateway.ChannelFor("mun-bauska"))
            .GetClientAsync(new GetClientRequest { Name = completed.Client });

        Assert.Equal(TransferState.Completed, completed.State);
        Assert.Equal("institutions/mun-pre2021-vecumnieki", completed.DestinationMunicipality.Name);
        Assert.Equal(["mun-bauska"], ClientRequests.OpenResponsibilities(client));
    }

    [Fact]
    public async Task OtherMunicipality_OfThePreReformCountysTransfer_IsNotFound()
    {
        var submitted = await TransferClient.CreateAsync(fixture.Gateway, Centre, Move("mun-pre2021-vecumnieki", new DateOnly(2018, 3, 1)));

        await RpcAssert.FailsWith(Grpc.Core.StatusCode.NotFound, () => new TransferService.TransferServiceClient(fixture.Gateway.ChannelFor("mun-jelgava"))
            .GetTransferAsync(new GetTransferRequest { Name = submitted.Name }).ResponseAsync);
    }

    [Theory]
    [InlineData("mun-bauska", "2018-03-01", "it exists from 2021-07-01, name the municipality of that day")] // today's municipality before the reform
    [InlineData("mun-pre2021-vecumnieki", "2021-07-01", "its successor is institutions/mun-bauska")] // the county on the reform's day
    public async Task Submit_MunicipalityNotOfTheMoveDate_IsRejectedNamingTheDestination(string destination, string moveDate, string description)
    {
        var request = Move(destination, DateOnly.Parse(moveDate, System.Globalization.CultureInfo.InvariantCulture));

        var response = (await TransferClient.SubmitAsync(fixture.Gateway, Centre, [request])).Single();

        Assert.Equal(SubmitOutcome.Rejected, response.Outcome);
        var violation = Assert.Single(response.Error.Details.Single().Unpack<BadRequest>().FieldViolations);
        Assert.Equal("transfer.destination_municipality", violation.Field);
        Assert.Contains(description, violation.Description, StringComparison.Ordinal);
    }

    private static SubmitTransferRequest Move(string destination, DateOnly moveDate)
    {
        var request = TransferRequests.Valid(source: Centre, destination: destination);
        request.Transfer.PlannedMoveDate = TransferRequests.Date(moveDate);
        return request;
    }
}
