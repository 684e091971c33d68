using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Capacity;

/// <summary>Places declared for a provider's service from a date on; the history of capacity.</summary>
public sealed class CapacityDeclarationRow
{
    public required string ProviderCode { get; set; }

    public ServiceType ServiceType { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public int Places { get; set; }

    /// <summary>Null for declarations that come from the reference data.</summary>
    public string? DeclaredByCode { get; set; }

    public DateTime DeclareTime { get; set; }
}

internal sealed class CapacityDeclarationConfiguration : IEntityTypeConfiguration<CapacityDeclarationRow>
{
    public void Configure(EntityTypeBuilder<CapacityDeclarationRow> builder)
    {
        builder.ToTable("capacity_declarations", table =>
            table.HasCheckConstraint("CK_capacity_declarations_places", "Places >= 0"));
        builder.HasKey(d => new { d.ProviderCode, d.ServiceType, d.EffectiveFrom });
        builder.Property(d => d.ProviderCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(d => d.ServiceType).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.DeclaredByCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(d => d.ProviderCode).OnDelete(DeleteBehavior.Restrict);
    }
}
