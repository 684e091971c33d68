using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Registry;

public sealed class EsfProjectRow
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? PlanningRegionCode { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }
}

internal sealed class EsfProjectConfiguration : IEntityTypeConfiguration<EsfProjectRow>
{
    public void Configure(EntityTypeBuilder<EsfProjectRow> builder)
    {
        builder.ToTable("esf_projects");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.PlanningRegionCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(p => p.PlanningRegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}
