using DeinstGateway.Persistence.Assessments;
using DeinstGateway.Persistence.Audit;
using DeinstGateway.Persistence.Capacity;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Persistence.ServiceRecords;
using DeinstGateway.Persistence.SupportPlans;
using DeinstGateway.Persistence.Transfers;
using DeinstGateway.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// The gateway's database. Each provider has a subclass only so that each keeps its own
/// migrations set; the model is the same on both.
/// </summary>
public abstract class GatewayDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The deadline of the call whose scope holds this context; see <see cref="DeadlineCommitGuard"/>.</summary>
    internal CallDeadline? CallDeadline { get; set; }

    public DbSet<InstitutionRow> Institutions => Set<InstitutionRow>();

    public DbSet<ServiceTypeRow> ServiceTypes => Set<ServiceTypeRow>();

    public DbSet<ProjectRow> Projects => Set<ProjectRow>();

    public DbSet<ProviderCapacityRow> ProviderCapacities => Set<ProviderCapacityRow>();

    public DbSet<CapacityDeclarationRow> CapacityDeclarations => Set<CapacityDeclarationRow>();

    public DbSet<CapacityChangeRow> CapacityChanges => Set<CapacityChangeRow>();

    public DbSet<OccupancyRow> Occupancy => Set<OccupancyRow>();

    public DbSet<NeedsAssessmentRow> NeedsAssessments => Set<NeedsAssessmentRow>();

    public DbSet<SupportPlanRow> SupportPlans => Set<SupportPlanRow>();

    public DbSet<ServiceRecordRow> ServiceRecords => Set<ServiceRecordRow>();

    public DbSet<ServiceRecordDayTotalRow> ServiceRecordDayTotals => Set<ServiceRecordDayTotalRow>();

    public DbSet<ClientRow> Clients => Set<ClientRow>();

    public DbSet<ClientRelationRow> ClientRelations => Set<ClientRelationRow>();

    public DbSet<ClientRegistrationRow> ClientRegistrations => Set<ClientRegistrationRow>();

    public DbSet<TransferRow> Transfers => Set<TransferRow>();

    public DbSet<TransferEventRow> TransferEvents => Set<TransferEventRow>();

    public DbSet<AccessLogRow> AccessLog => Set<AccessLogRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
}
