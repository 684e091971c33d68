using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Database;

/// <summary>
/// The gateway's database. Each provider has a subclass only so that each keeps its own
/// migrations set; the model is the same on both.
/// </summary>
public abstract class GatewayDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<InstitutionRow> Institutions => Set<InstitutionRow>();

    public DbSet<ServiceTypeRow> ServiceTypes => Set<ServiceTypeRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
}
