using DeinstGateway.Core.Access;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Grpc.Core;
using InstitutionKind = DeinstGateway.Core.Registry.InstitutionKind;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// Services delivered at the world's provider. From outside the scope a record is rejected in the
/// answer, lists leave the provider's records out, a report naming its municipality is refused, and
/// a record to withdraw does not exist.
/// </summary>
public static class ServiceRecordProbes
{
    public static IEnumerable<AccessProbe> All =>
    [
        new(Rpcs.RecordServices, StatusCode.OK, RecordAsync),
        new(Rpcs.RecordServiceBatches, StatusCode.OK, RecordBatchAsync),
        new(Rpcs.BatchRecordServices, StatusCode.OK, BatchRecordAsync),
        new(Rpcs.ListServiceRecords, StatusCode.OK, ListAsync),
        new(Rpcs.GetFundingReport, StatusCode.PermissionDenied, ReportAsync),
        new(Rpcs.WithdrawServiceRecord, StatusCode.NotFound, WithdrawAsync),
    ];

    private static async Task<Seen> RecordAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        using var call = Client(caller).RecordServices();
        try
        {
            await call.RequestStream.WriteAsync(world.NewServiceRecord());
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // A refusal can end the call before the record is sent, and the write then only sees the
            // stream reset; the answer carries the refusal itself.
        }

        return Seen.Answer((await call).Accepted == 1);
    }

    private static async Task<Seen> RecordBatchAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        using var call = Client(caller).RecordServiceBatches();
        try
        {
            await call.RequestStream.WriteAsync(new RecordServiceBatch { Records = { world.NewServiceRecord() } });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // As for RecordServices: a refusal may end the call before the batch is sent.
        }

        return Seen.Answer((await call).Accepted == 1);
    }

    private static async Task<Seen> BatchRecordAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller) =>
        Seen.Answer((await Client(caller).BatchRecordServicesAsync(new RecordServiceBatch { Records = { world.NewServiceRecord() } })).Accepted == 1);

    private static async Task<Seen> ListAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var page = await Client(caller).ListServiceRecordsAsync(new ListServiceRecordsRequest { Client = world.Client, PageSize = 1000 });
        return Seen.Answer(page.ServiceRecords.Any(r => r.Provider.Name == "institutions/" + AccessWorld.Provider));
    }

    private static async Task<Seen> ReportAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var report = await Client(caller).GetFundingReportAsync(new GetFundingReportRequest
        {
            Period = new DateRange
            {
                StartDate = TransferRequests.Date(AccessWorld.ServiceDay),
                EndDate = TransferRequests.Date(AccessWorld.ServiceDay.AddDays(1)),
            },
            Municipality = "institutions/" + AccessWorld.Municipality,
        });
        return Seen.Answer(report.Lines.Sum(l => l.Records) > 0);
    }

    /// <summary>
    /// A new record each time, since a withdrawal is once. Only its recorder may withdraw it: the
    /// kind's own representative where the kind records services, the provider for the other kinds.
    /// </summary>
    private static async Task<Seen> WithdrawAsync(AccessWorld world, InstitutionKind kind, CallInvoker caller)
    {
        var record = await world.NewRecordedServiceAsync(kind == InstitutionKind.Municipality ? AccessWorld.Municipality : AccessWorld.Provider);
        var withdrawn = await Client(caller).WithdrawServiceRecordAsync(
            new WithdrawServiceRecordRequest { Name = record.Name, Reason = WithdrawalReason.RecordedInError });
        return Seen.Answer(withdrawn.Name == record.Name && withdrawn.WithdrawTime is not null);
    }

    private static ServiceRecordService.ServiceRecordServiceClient Client(CallInvoker caller) => new(caller);
}
