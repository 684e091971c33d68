using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Registry;

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<InstitutionRow>
{
    public const int CodeLength = 64;

    public void Configure(EntityTypeBuilder<InstitutionRow> builder)
    {
        builder.ToTable("institutions");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(CodeLength);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.DisplayName).HasMaxLength(200);
        builder.Property(i => i.Address).HasMaxLength(200);
        builder.Property(i => i.OfficialCode).HasMaxLength(32);
        builder.Property(i => i.OfferedServices).HasMaxLength(600);

        // References between institutions are real foreign keys: the registry never points at
        // an institution it does not hold, and one that is referenced cannot be deleted.
        Reference(builder, i => i.PlanningRegion, i => i.PlanningRegionCode);
        Reference(builder, i => i.Municipality, i => i.MunicipalityCode);
        Reference(builder, i => i.Parent, i => i.ParentCode);
        Reference(builder, i => i.Successor, i => i.SuccessorCode);

        builder.HasIndex(i => i.Kind);
    }

    private static void Reference(
        EntityTypeBuilder<InstitutionRow> builder,
        System.Linq.Expressions.Expression<Func<InstitutionRow, InstitutionRow?>> navigation,
        System.Linq.Expressions.Expression<Func<InstitutionRow, object?>> foreignKey)
    {
        builder.Property(foreignKey).HasMaxLength(CodeLength);
        builder.HasOne(navigation).WithMany().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Restrict);
    }
}
