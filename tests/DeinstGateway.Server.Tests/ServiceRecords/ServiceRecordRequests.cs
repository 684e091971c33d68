using System.Globalization;
using DeinstGateway.Core.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.ServiceRecords;

/// <summary>RecordServices streams of valid records, and the child whose respite care they record.</summary>
internal static class ServiceRecordRequests
{
    public const string RespiteProvider = "prov-demo-riga-respite";
    public const string GroupHome = "prov-demo-madona-group-home";
    public const string ZemgaleProject = "9.2.2.1/15/I/001";

    /// <summary>Rīga region's ESF project (2015–2023 until its own period is known, the general rules), whose partners include Rīga.</summary>
    public const string RigaProject = "9.2.2.1/15/I/002";

    /// <summary>Vidzeme region's ESF project, known by name only: records name it by code.</summary>
    public const string VidzemeProject = "projects/esf-vidzeme";

    /// <summary>Sends the records on one stream as the caller and returns the single answer.</summary>
    public static Task<RecordServicesResponse> RecordAsync(GatewayProcess gateway, string caller, params RecordServiceRequest[] records) =>
        SendAsync(Client(gateway, caller).RecordServices(), records);

    /// <summary>Sends the messages on one RecordServiceBatches stream as the caller and returns the single answer.</summary>
    public static Task<RecordServicesResponse> RecordBatchesAsync(GatewayProcess gateway, string caller, params RecordServiceBatch[] batches) =>
        SendAsync(Client(gateway, caller).RecordServiceBatches(), batches);

    public static RecordServiceRequest Respite(string client, DateOnly firstDay, int days) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Client = client,
        ServiceType = ServiceType.RespiteCare,
        Provider = "institutions/" + RespiteProvider,
        FirstDay = TransferRequests.Date(firstDay),
        LastDay = TransferRequests.Date(firstDay.AddDays(days - 1)),
        Quantity = days,
        Unit = ServiceUnit.Days,
        Cost = new Money { EuroCents = 4_500L * days },
        FundingSource = FundingSource.MunicipalBudget,
    };

    public static RecordServiceRequest HomeCare(string client, DateOnly monday) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Client = client,
        ServiceType = ServiceType.HomeCare,
        Provider = "institutions/" + GroupHome,
        FirstDay = TransferRequests.Date(monday),
        LastDay = TransferRequests.Date(monday.AddDays(6)),
        Quantity = 8,
        Unit = ServiceUnit.Hours,
        Cost = new Money { EuroCents = 9_600 },
        FundingSource = FundingSource.StateBudget,
    };

    /// <summary>One day of group home in Madona for the client, funded by the Vidzeme ESF project or the municipality.</summary>
    public static RecordServiceRequest GroupHomeDay(string client, DateOnly day, long costCents, bool esf) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Client = client,
        ServiceType = ServiceType.GroupHome,
        Provider = "institutions/" + GroupHome,
        FirstDay = TransferRequests.Date(day),
        LastDay = TransferRequests.Date(day),
        Quantity = 1,
        Unit = ServiceUnit.Places,
        Cost = new Money { EuroCents = costCents },
        FundingSource = esf ? FundingSource.EsfProject : FundingSource.MunicipalBudget,
        Project = esf ? VidzemeProject : string.Empty,
    };

    public static GetFundingReportRequest ReportPeriod(DateOnly from, DateOnly until) => new()
    {
        Period = new DateRange { StartDate = TransferRequests.Date(from), EndDate = TransferRequests.Date(until) },
    };

    /// <summary>A girl born in 2016 moving from a child-care institution to Rīga with respite care.</summary>
    public static SubmitTransferRequest ChildTransfer()
    {
        var birth = new DateOnly(2016, 5, 10);
        var body = birth.ToString("ddMMyy", CultureInfo.InvariantCulture) + "2" + Random.Shared.Next(100, 1000).ToString(CultureInfo.InvariantCulture);
        while (PersonalCode.CheckDigit(body) is null)
        {
            body = body[..7] + Random.Shared.Next(100, 1000).ToString(CultureInfo.InvariantCulture);
        }

        var request = TransferRequests.Valid(source: "ccare-demo-latgale", destination: "mun-riga", provider: RespiteProvider, service: ServiceType.RespiteCare);
        request.Transfer.Person.PersonalCode = body[..6] + "-" + body[6..] + PersonalCode.CheckDigit(body);
        request.Transfer.Person.BirthDate = TransferRequests.Date(birth);
        request.Transfer.TargetGroup = Deinst.V1.TargetGroup.ChildWithFunctionalImpairment;
        return request;
    }

    private static ServiceRecordService.ServiceRecordServiceClient Client(GatewayProcess gateway, string caller) => new(gateway.ChannelFor(caller));

    private static async Task<RecordServicesResponse> SendAsync<T>(AsyncClientStreamingCall<T, RecordServicesResponse> call, IEnumerable<T> messages)
    {
        using (call)
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
            return await call;
        }
    }
}
