namespace DeinstGateway.Core.Access;

/// <summary>
/// The gateway's calls by their gRPC method path, the key of the access matrix. Plain strings:
/// Core knows which calls exist, not how they travel.
/// </summary>
public static class Rpcs
{
    private const string Package = "/deinst.v1.";

    public const string GetInstitution = Package + "RegistryService/GetInstitution";
    public const string ListInstitutions = Package + "RegistryService/ListInstitutions";
    public const string ListServiceTypes = Package + "RegistryService/ListServiceTypes";

    public const string SubmitTransfers = Package + "TransferService/SubmitTransfers";
    public const string GetTransfer = Package + "TransferService/GetTransfer";
    public const string ListTransfers = Package + "TransferService/ListTransfers";
    public const string AcceptTransfer = Package + "TransferService/AcceptTransfer";
    public const string RejectTransfer = Package + "TransferService/RejectTransfer";
    public const string CompleteTransfer = Package + "TransferService/CompleteTransfer";
    public const string CancelTransfer = Package + "TransferService/CancelTransfer";
    public const string WatchTransfers = Package + "TransferService/WatchTransfers";

    public const string SetCapacity = Package + "CapacityService/SetCapacity";
    public const string QueryCapacity = Package + "CapacityService/QueryCapacity";
    public const string WatchCapacity = Package + "CapacityService/WatchCapacity";
    public const string SetOccupancy = Package + "CapacityService/SetOccupancy";

    public const string PutSupportPlan = Package + "SupportPlanService/PutSupportPlan";
    public const string GetSupportPlan = Package + "SupportPlanService/GetSupportPlan";
    public const string ListSupportPlans = Package + "SupportPlanService/ListSupportPlans";

    public const string RecordServices = Package + "ServiceRecordService/RecordServices";
    public const string RecordServiceBatches = Package + "ServiceRecordService/RecordServiceBatches";
    public const string BatchRecordServices = Package + "ServiceRecordService/BatchRecordServices";
    public const string ListServiceRecords = Package + "ServiceRecordService/ListServiceRecords";
    public const string GetFundingReport = Package + "ServiceRecordService/GetFundingReport";
    public const string WithdrawServiceRecord = Package + "ServiceRecordService/WithdrawServiceRecord";

    public const string LookupClient = Package + "ClientService/LookupClient";
    public const string GetClient = Package + "ClientService/GetClient";
    public const string RegisterClient = Package + "ClientService/RegisterClient";
    public const string ListClients = Package + "ClientService/ListClients";
    public const string ChangeClientPersonalCode = Package + "ClientService/ChangeClientPersonalCode";

    public const string CreateNeedsAssessment = Package + "NeedsAssessmentService/CreateNeedsAssessment";
    public const string GetNeedsAssessment = Package + "NeedsAssessmentService/GetNeedsAssessment";
    public const string ListNeedsAssessments = Package + "NeedsAssessmentService/ListNeedsAssessments";

    public const string ListTransferCounts = Package + "MonitoringService/ListTransferCounts";
    public const string ListTransferDurations = Package + "MonitoringService/ListTransferDurations";
    public const string ListOccupancy = Package + "MonitoringService/ListOccupancy";
    public const string ListSupportPlanCounts = Package + "MonitoringService/ListSupportPlanCounts";
    public const string ListAssessmentCounts = Package + "MonitoringService/ListAssessmentCounts";
    public const string ListServiceVolumes = Package + "MonitoringService/ListServiceVolumes";
    public const string ListPlanProgress = Package + "MonitoringService/ListPlanProgress";

    public const string ListClientAccess = Package + "AuditService/ListClientAccess";
    public const string VerifyAuditLog = Package + "AuditService/VerifyAuditLog";

    /// <summary><c>TransferService.GetTransfer</c> for <c>/deinst.v1.TransferService/GetTransfer</c>.</summary>
    public static string DisplayName(string method) =>
        method.StartsWith(Package, StringComparison.Ordinal) ? method[Package.Length..].Replace('/', '.') : method;
}
