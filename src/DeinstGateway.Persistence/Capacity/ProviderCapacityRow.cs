using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Capacity;

/// <summary>
/// The places a provider's service has taken right now. Reserved and occupied are counters moved
/// only by conditional updates, checked against the declaration in force, inside the transaction
/// of the transfer change that moves them, so two gateways can never both take the last place.
/// </summary>
public sealed class ProviderCapacityRow
{
    public required string ProviderCode { get; set; }

    public ServiceType ServiceType { get; set; }

    public int Reserved { get; set; }

    public int Occupied { get; set; }
}

internal sealed class ProviderCapacityConfiguration : IEntityTypeConfiguration<ProviderCapacityRow>
{
    public void Configure(EntityTypeBuilder<ProviderCapacityRow> builder)
    {
        builder.ToTable("provider_capacities", table =>
        {
            table.HasCheckConstraint("CK_provider_capacities_counts", "Reserved >= 0 AND Occupied >= 0");
        });
        builder.HasKey(c => new { c.ProviderCode, c.ServiceType });
        builder.Property(c => c.ProviderCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(c => c.ServiceType).HasConversion<string>().HasMaxLength(40);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(c => c.ProviderCode).OnDelete(DeleteBehavior.Restrict);
    }
}
