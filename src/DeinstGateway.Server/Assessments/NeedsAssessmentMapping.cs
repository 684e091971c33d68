using DeinstGateway.Core;
using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Server.Common;
using Google.Protobuf.WellKnownTypes;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.Assessments;

public static class NeedsAssessmentMapping
{
    /// <summary>(client id, assessment id) from <c>clients/{client}/needsAssessments/{assessment}</c>; both are UUIDs.</summary>
    public static (string ClientId, string AssessmentId) AssessmentName(string name, string field)
    {
        var (clientId, assessmentId) = ResourceNames.UnderClient(name, "needsAssessments", field);
        return (clientId, Uuid.Normalize(assessmentId) ?? throw new ValidationException(field, "must name the assessment by its UUID"));
    }

    public static NeedsAssessmentDraft ToDraft(this Proto.CreateNeedsAssessmentRequest request)
    {
        var clientId = ResourceNames.ClientId(request.Parent, "parent");
        var assessment = request.NeedsAssessment ?? throw new ValidationException("needs_assessment", "is required");
        return new NeedsAssessmentDraft(
            clientId,
            request.RequestId,
            assessment.AssessmentDate?.ToDateOnly("needs_assessment.assessment_date"),
            assessment.Assessor,
            assessment.Project,
            (int)assessment.Outcome,
            assessment.PlannedServiceTypes.Select(t => (int)t).ToList());
    }

    public static Proto.NeedsAssessment ToProto(this NeedsAssessment assessment, RegistrySnapshot registry) => new()
    {
        Name = assessment.Name,
        AssessmentDate = assessment.AssessmentDate.ToProto(),
        Assessor = ResourceNames.Institution(assessment.AssessorCode),
        Project = assessment.ProjectCode ?? string.Empty,
        Outcome = (Proto.AssessmentOutcome)assessment.Outcome,
        PlannedServiceTypes = { assessment.PlannedServiceTypes.Select(t => (Proto.ServiceType)t) },
        ResponsibleMunicipality = registry.Reference(assessment.ResponsibleMunicipalityCode),
        RecordedBy = registry.Reference(assessment.RecordedByCode),
        CreateTime = Timestamp.FromDateTimeOffset(assessment.CreateTime),
    };
}
