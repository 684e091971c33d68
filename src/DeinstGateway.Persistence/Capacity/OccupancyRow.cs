using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Capacity;

/// <summary>
/// A care institution's places and residents from a date on: the history of its occupancy, as
/// <see cref="CapacityDeclarationRow"/> is a provider's. A transfer completed out of the institution
/// writes the day's row with one resident fewer (<see cref="DeclaredByCode"/> null).
/// </summary>
public sealed class OccupancyRow
{
    public required string InstitutionCode { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public int Places { get; set; }

    public int Residents { get; set; }

    public string? DeclaredByCode { get; set; }

    public DateTime DeclareTime { get; set; }
}

internal sealed class OccupancyConfiguration : IEntityTypeConfiguration<OccupancyRow>
{
    public void Configure(EntityTypeBuilder<OccupancyRow> builder)
    {
        builder.ToTable("institution_occupancy", table =>
            table.HasCheckConstraint("CK_institution_occupancy_counts", "Places >= 0 AND Residents >= 0"));
        builder.HasKey(o => new { o.InstitutionCode, o.EffectiveFrom });
        builder.Property(o => o.InstitutionCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(o => o.DeclaredByCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(o => o.InstitutionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
