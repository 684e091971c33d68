using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Assessments;

/// <summary>What came of a needs assessment.</summary>
public enum AssessmentOutcome
{
    ServicesNeeded = 1,
    Declined = 2,
    NotEligible = 3,
}

/// <summary>
/// A client's needs assessment: who assessed (<see cref="AssessorCode"/>), when, under which
/// project, with what outcome. <see cref="ResponsibleMunicipalityCode"/> is the municipality
/// responsible for the client when it was recorded: the assessment counts there in monitoring.
/// </summary>
public sealed record NeedsAssessment(
    string ClientId,
    string Id,
    DateOnly AssessmentDate,
    string AssessorCode,
    string? ProjectCode,
    AssessmentOutcome Outcome,
    IReadOnlyList<ServiceType> PlannedServiceTypes,
    string ResponsibleMunicipalityCode,
    string RecordedByCode,
    DateTimeOffset CreateTime)
{
    public string Name => NeedsAssessmentNames.Of(ClientId, Id);
}

/// <summary>An assessment as sent: numbers unchecked, so validation can name every wrong field.</summary>
public sealed record NeedsAssessmentDraft(
    string ClientId,
    string RequestId,
    DateOnly? AssessmentDate,
    string AssessorName,
    string Project,
    int Outcome,
    IReadOnlyList<int> PlannedServiceTypes);

public static class NeedsAssessmentNames
{
    public static string Of(string clientId, string assessmentId) => $"clients/{clientId}/needsAssessments/{assessmentId}";
}

/// <summary>An assessment recorded earlier under the same request id by the same institution.</summary>
public sealed record KnownAssessment(NeedsAssessment Assessment, byte[] ContentHash);

public interface INeedsAssessmentStore
{
    Task<NeedsAssessment?> FindAsync(string clientId, string assessmentId, CancellationToken cancellationToken);

    /// <summary>The client's assessments after the cursor (date, id), by date then id.</summary>
    Task<IReadOnlyList<NeedsAssessment>> ListAsync(
        string clientId, (DateOnly Date, string Id)? after, int limit, CancellationToken cancellationToken);

    /// <summary>Opens one write transaction that records an assessment.</summary>
    Task<IAssessmentRecording> BeginRecordingAsync(CancellationToken cancellationToken);
}

public interface IAssessmentRecording : IAsyncDisposable
{
    Task<KnownAssessment?> FindRequestAsync(string recorderCode, string requestId, CancellationToken cancellationToken);

    /// <summary>The municipalities responsible for the client on the day, inside the transaction.</summary>
    Task<IReadOnlyList<string>> ResponsibleMunicipalitiesAsync(string clientId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Stores the assessment under its request id with the access entry of writing it, and commits.</summary>
    Task CommitAsync(NeedsAssessment assessment, string requestId, byte[] contentHash, Audit.AccessEntry access, CancellationToken cancellationToken);
}
