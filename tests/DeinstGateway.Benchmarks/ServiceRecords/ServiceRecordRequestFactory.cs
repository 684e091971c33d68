using DeinstGateway.Benchmarks.Transfers;
using Deinst.V1;
using GoogleDate = Google.Type.Date;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// The clients behind the records (adults moving from VSAC "Zemgale" to Madona with a group home
/// of the demo provider) and valid RecordServices messages for them: one group-home place for one
/// day each, spread over 2021–2025 so that no cap applies, funded by the municipal budget or, for
/// days inside its period, the ESF project of the DI measure.
/// </summary>
public static class ServiceRecordRequestFactory
{
    /// <summary>The caller: the provider that delivered every record.</summary>
    public const string Provider = "prov-demo-madona-group-home";

    public const string Source = TransferRequestFactory.Caller;
    public const string Municipality = "mun-madona";
    /// <summary>The ESF project of Madona's planning region, whose rules judge its ESF records.</summary>
    public const string EsfProject = "projects/esf-vidzeme";

    public static readonly DateOnly FirstDay = new(2021, 1, 1);
    public static readonly DateOnly LastDay = new(2025, 12, 31);
    private static readonly DateOnly EsfStart = new(2015, 7, 1);
    private static readonly DateOnly EsfEnd = new(2023, 12, 31);

    /// <summary>
    /// Transfers whose persons become the clients: same source, municipality and provider. They ask
    /// for a service without places, so that accepting a hundred of them reserves none at the provider.
    /// </summary>
    public static SubmitTransferRequest[] Transfers(int count, DateOnly today, int seed)
    {
        var requests = TransferRequestFactory.Build(count, today, seed);
        foreach (var request in requests)
        {
            var t = request.Transfer;
            t.Source = "institutions/" + Source;
            t.DestinationMunicipality = "institutions/" + Municipality;
            t.DestinationProvider = "institutions/" + Provider;
            t.RequestedServices.Clear();
            t.RequestedServices.Add(ServiceType.HomeCare);
        }

        return requests;
    }

    /// <param name="clients">`clients/{id}` names; the records go round-robin over them.</param>
    /// <param name="seed">Fixes the costs and funding; request ids are new UUIDs on every call.</param>
    public static RecordServiceRequest[] Build(int count, IReadOnlyList<string> clients, int seed)
    {
        var random = new Random(seed);
        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        var perClient = (count + clients.Count - 1) / clients.Count;
        var requests = new RecordServiceRequest[count];
        for (var i = 0; i < count; i++)
        {
            // The j-th record of a client falls on a day of its own while a client has at most
            // one record per day of the five years, spread evenly over them.
            var j = i / clients.Count;
            var offset = perClient <= days ? (int)((long)j * days / perClient) : j % days;
            var day = FirstDay.AddDays(offset);
            var esf = day >= EsfStart && day <= EsfEnd && random.Next(2) == 0;
            requests[i] = new RecordServiceRequest
            {
                RequestId = Guid.NewGuid().ToString("D"),
                Client = clients[i % clients.Count],
                ServiceType = ServiceType.GroupHome,
                Provider = "institutions/" + Provider,
                FirstDay = Date(day),
                LastDay = Date(day),
                Quantity = 1,
                Unit = ServiceUnit.Places,
                Cost = new Money { EuroCents = random.Next(1_000, 20_000) },
                FundingSource = esf ? FundingSource.EsfProject : FundingSource.MunicipalBudget,
                Project = esf ? EsfProject : string.Empty,
            };
        }

        return requests;
    }

    private static GoogleDate Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
