using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.SupportPlans;
using Google.Protobuf.WellKnownTypes;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.ServiceRecords;

public static class ServiceRecordMapping
{
    public static RecordInput ToInput(this Proto.RecordServiceRequest request) => new(
        request.RequestId,
        request.Client,
        (int)request.ServiceType,
        request.Provider,
        request.FirstDay.ToInput(),
        request.LastDay.ToInput(),
        request.Quantity,
        (int)request.Unit,
        request.Cost?.EuroCents ?? 0,
        (int)request.FundingSource,
        request.EsfProjectCode,
        request.Project,
        (int)request.RecipientKind);

    public static Proto.RecordServicesResponse ToProto(this RecordSummary summary) => new()
    {
        Accepted = summary.Accepted,
        Duplicate = summary.Duplicate,
        Rejected = summary.Rejected,
        Rejections =
        {
            summary.Rejections.Select(r => new Proto.RecordRejection
            {
                RequestId = r.RequestId,
                Reasons = { r.Reasons.Select(v => new Proto.RecordRejectionReason { Code = v.Code, Description = v.Description }) },
            }),
        },
    };

    public static Proto.ServiceRecord ToProto(this ServiceRecord record, RegistrySnapshot registry)
    {
        var proto = new Proto.ServiceRecord
        {
            Name = ServiceRecordNames.Of(record.Id),
            Client = "clients/" + record.ClientId,
            ServiceType = (Proto.ServiceType)record.ServiceType,
            Provider = registry.Reference(record.ProviderCode),
            FirstDay = record.Period.FirstDay.ToProto(),
            LastDay = record.Period.LastDay.ToProto(),
            Quantity = record.Quantity,
            Unit = (Proto.ServiceUnit)record.Unit,
            Cost = new Proto.Money { EuroCents = record.CostCents },
            FundingSource = (Proto.FundingSource)record.FundingSource,
            EsfProjectCode = record.EsfProjectCode ?? string.Empty,
            Project = Project.ResourceName(record.ProjectCode),
            RecipientKind = (Proto.RecipientKind)record.RecipientKind,
            RecordedBy = registry.Reference(record.RecordedByCode),
            RecordTime = Timestamp.FromDateTimeOffset(record.RecordTime),
        };
        if (record.Withdrawal is { } withdrawal)
        {
            proto.WithdrawTime = Timestamp.FromDateTimeOffset(withdrawal.Time);
            proto.WithdrawnBy = registry.Reference(withdrawal.WithdrawnByCode);
            proto.WithdrawalReason = (Proto.WithdrawalReason)withdrawal.Reason;
        }

        return proto;
    }

    public static Proto.FundingReport ToProto(this FundingReport report) => new()
    {
        Period = new Proto.DateRange { StartDate = report.From.ToProto(), EndDate = report.Until.ToProto() },
        Lines =
        {
            report.Lines.Select(l => new Proto.FundingLine
            {
                ServiceType = (Proto.ServiceType)l.ServiceType,
                FundingSource = (Proto.FundingSource)l.FundingSource,
                EsfProjectCode = l.EsfProjectCode ?? string.Empty,
                Project = Project.ResourceName(l.ProjectCode),
                Records = l.Records,
                Total = new Proto.Money { EuroCents = l.TotalCents },
                Esf = new Proto.Money { EuroCents = l.EsfCents },
                StateBudgetCoFinancing = new Proto.Money { EuroCents = l.StateBudgetCents },
                MunicipalCoFinancing = new Proto.Money { EuroCents = l.MunicipalCents },
            }),
        },
        Total = new Proto.Money { EuroCents = report.TotalCents },
        Esf = new Proto.Money { EuroCents = report.EsfCents },
        StateBudgetCoFinancing = new Proto.Money { EuroCents = report.StateBudgetCents },
        MunicipalCoFinancing = new Proto.Money { EuroCents = report.MunicipalCents },
    };

    /// <summary>The project a funding report narrows to, by <c>project</c> or else by <c>esf_project_code</c>; null for none.</summary>
    public static ProjectChoice? ToProjectChoice(this Proto.GetFundingReportRequest request) =>
        request.Project.Length > 0
            ? new ProjectChoice(Project.CodeFromResourceName(request.Project) ?? throw new ValidationException("project", "must be a project name of the form projects/{code}"), null)
            : request.EsfProjectCode.Length > 0 ? new ProjectChoice(null, request.EsfProjectCode) : null;

    public static ServiceRecordFilter ToFilter(this Proto.ListServiceRecordsRequest request) => new(
        request.Client.Length == 0 ? null : Common.ResourceNames.ClientId(request.Client, "client"),
        ResourceNames.OptionalInstitutionCode(request.Provider, "provider"),
        request.ServiceType switch
        {
            Proto.ServiceType.Unspecified => null,
            _ when System.Enum.IsDefined((ServiceType)request.ServiceType) => (ServiceType)request.ServiceType,
            _ => throw new ValidationException("service_type", "is not a service of the catalogue"),
        },
        request.ShowWithdrawn);

    public static string ServiceRecordId(string name) =>
        ServiceRecordNames.IdFrom(name) ?? throw new ValidationException("name", "must be a service record name of the form serviceRecords/{id}");

    public static WithdrawalReason ToDomain(this Proto.WithdrawalReason reason) =>
        reason != Proto.WithdrawalReason.Unspecified && System.Enum.IsDefined((WithdrawalReason)reason)
            ? (WithdrawalReason)reason
            : throw new ValidationException("reason", "must be one of the withdrawal reasons");
}
