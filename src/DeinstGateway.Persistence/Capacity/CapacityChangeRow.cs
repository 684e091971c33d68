using DeinstGateway.Core.Registry;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Capacity;

/// <summary>
/// A note that one provider's counts for one service changed, written in the transaction of the
/// change. The database numbers them, so the capacity feed resumes across processes.
/// </summary>
public sealed class CapacityChangeRow
{
    public long Sequence { get; set; }

    public required string ProviderCode { get; set; }

    public ServiceType ServiceType { get; set; }

    public DateTime Time { get; set; }
}

internal sealed class CapacityChangeConfiguration : IEntityTypeConfiguration<CapacityChangeRow>
{
    public void Configure(EntityTypeBuilder<CapacityChangeRow> builder)
    {
        builder.ToTable("capacity_changes");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd();
        builder.Property(c => c.ProviderCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(c => c.ServiceType).HasConversion<string>().HasMaxLength(40);
    }
}
