using System.Globalization;
using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DeinstGateway.Persistence.Assessments;

internal sealed class NeedsAssessmentStore(GatewayDbContext db, IWriteSerializer writeSerializer, AccessLogAppender accessLog) : INeedsAssessmentStore
{
    public async Task<NeedsAssessment?> FindAsync(string clientId, string assessmentId, CancellationToken cancellationToken)
    {
        var row = await db.NeedsAssessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId && a.ClientId == clientId, cancellationToken);
        return row is null ? null : ToDomain(row);
    }

    public async Task<IReadOnlyList<NeedsAssessment>> ListAsync(
        string clientId, (DateOnly Date, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        var query = db.NeedsAssessments.AsNoTracking().Where(a => a.ClientId == clientId);
        if (after is var (date, id))
        {
            query = query.Where(a => a.AssessmentDate > date || (a.AssessmentDate == date && string.Compare(a.Id, id) > 0));
        }

        var rows = await query.OrderBy(a => a.AssessmentDate).ThenBy(a => a.Id).Take(limit).ToListAsync(cancellationToken);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<IAssessmentRecording> BeginRecordingAsync(CancellationToken cancellationToken) =>
        new Recording(db, await writeSerializer.BeginWriteAsync(db, cancellationToken), accessLog);

    private static NeedsAssessment ToDomain(NeedsAssessmentRow row) => new(
        row.ClientId,
        row.Id,
        row.AssessmentDate,
        row.AssessorCode,
        row.ProjectCode,
        row.Outcome,
        row.PlannedServiceTypes.Length == 0
            ? []
            : row.PlannedServiceTypes.Split(',').Select(t => (ServiceType)int.Parse(t, CultureInfo.InvariantCulture)).ToList(),
        row.ResponsibleMunicipalityCode,
        row.RecordedByCode,
        StoredTime.AsUtc(row.CreateTime));

    private sealed class Recording(GatewayDbContext db, IDbContextTransaction transaction, AccessLogAppender accessLog) : IAssessmentRecording
    {
        public async Task<KnownAssessment?> FindRequestAsync(string recorderCode, string requestId, CancellationToken cancellationToken)
        {
            var id = StoredUuid.ToBytes(requestId);
            var row = await db.NeedsAssessments.AsNoTracking()
                .SingleOrDefaultAsync(a => a.RecordedByCode == recorderCode && a.RequestId == id, cancellationToken);
            return row is null ? null : new KnownAssessment(ToDomain(row), row.ContentHash);
        }

        public async Task<IReadOnlyList<string>> ResponsibleMunicipalitiesAsync(string clientId, DateOnly day, CancellationToken cancellationToken) =>
            await ClientScopeQuery.ActiveOn(db, RelationKind.Responsible, day)
                .Where(r => r.ClientId == clientId)
                .Select(r => r.InstitutionCode)
                .ToListAsync(cancellationToken);

        public async Task CommitAsync(
            NeedsAssessment assessment, string requestId, byte[] contentHash, AccessEntry access, CancellationToken cancellationToken)
        {
            db.NeedsAssessments.Add(new NeedsAssessmentRow
            {
                Id = assessment.Id,
                ClientId = assessment.ClientId,
                AssessmentDate = assessment.AssessmentDate,
                AssessorCode = assessment.AssessorCode,
                ProjectCode = assessment.ProjectCode,
                Outcome = assessment.Outcome,
                PlannedServiceTypes = string.Join(',', assessment.PlannedServiceTypes.Select(t => ((int)t).ToString(CultureInfo.InvariantCulture))),
                ResponsibleMunicipalityCode = assessment.ResponsibleMunicipalityCode,
                RecordedByCode = assessment.RecordedByCode,
                RequestId = StoredUuid.ToBytes(requestId),
                ContentHash = contentHash,
                CreateTime = assessment.CreateTime.UtcDateTime,
            });
            await db.SaveChangesAsync(cancellationToken);
            await accessLog.AppendAsync(db, [access], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
        }
    }
}
