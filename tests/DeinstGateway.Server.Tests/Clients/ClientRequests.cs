using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Clients;

/// <summary>Client service calls as a municipal back office makes them.</summary>
internal static class ClientRequests
{
    public static ClientService.ClientServiceClient Clients(this GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));

    public static TransferService.TransferServiceClient Transfers(this GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));

    /// <summary>A registration of a new adult living in the community, responsible from the first of this year.</summary>
    public static RegisterClientRequest Registration()
    {
        var (code, birth) = TransferRequests.NewPerson();
        return new RegisterClientRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Person = new Person { PersonalCode = code, GivenName = "Ilze", FamilyName = "Bērziņa", BirthDate = TransferRequests.Date(birth) },
            TargetGroup = TargetGroup.AdultWithIntellectualOrMentalDisability,
            ResponsibleFrom = TransferRequests.Date(new DateOnly(TestCalendar.Today.Year, 1, 1)),
        };
    }

    /// <summary>The municipalities responsible for the client today, as its responsible municipality sees them.</summary>
    public static IEnumerable<string> OpenResponsibilities(ClientOverview overview) =>
        overview.Responsibilities.Where(r => r.Validity.EndDate is null).Select(r => r.Institution.Name["institutions/".Length..]);
}
