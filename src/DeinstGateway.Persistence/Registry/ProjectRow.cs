using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Registry;

/// <summary>
/// A project of the reference data. Its rules (period, funding, partners, services and limits) are
/// kept as the file's JSON in <see cref="Definition"/>: they are read only whole, into the registry
/// snapshot, and only the code is ever queried (by the funding report, through the records).
/// </summary>
public sealed class ProjectRow
{
    public required string Code { get; set; }

    public string? Number { get; set; }

    public string? Name { get; set; }

    public required string Definition { get; set; }
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<ProjectRow>
{
    public void Configure(EntityTypeBuilder<ProjectRow> builder)
    {
        builder.ToTable("projects");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(p => p.Number).HasMaxLength(32);
        builder.Property(p => p.Name).HasMaxLength(200);
    }
}
