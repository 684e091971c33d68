using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Registry;

internal sealed class ServiceTypeConfiguration : IEntityTypeConfiguration<ServiceTypeRow>
{
    public void Configure(EntityTypeBuilder<ServiceTypeRow> builder)
    {
        builder.ToTable("service_types");
        builder.HasKey(s => s.Type);
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.Unit).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DisplayNameLv).HasMaxLength(200);
        builder.Property(s => s.DisplayNameEn).HasMaxLength(300);
        builder.HasMany(s => s.Limits).WithOne().HasForeignKey(l => l.ServiceType).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceLimitConfiguration : IEntityTypeConfiguration<ServiceLimitRow>
{
    public void Configure(EntityTypeBuilder<ServiceLimitRow> builder)
    {
        builder.ToTable("service_limits");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(64);
        builder.Property(l => l.ServiceType).HasConversion<string>().HasMaxLength(40);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(l => l.QuantityUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Period).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Description).HasMaxLength(400);
    }
}
