using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Persistence.Transfers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.ServiceRecords;

public sealed class ServiceRecordRow
{
    public required string Id { get; set; }

    /// <summary>
    /// The recording institution's request id as the UUID's 16 bytes: one record per request id
    /// and recorder (<see cref="RecordedByCode"/>); bytes keep the unique index on it small.
    /// </summary>
    public required byte[] RequestId { get; set; }

    public required byte[] ContentHash { get; set; }

    public required string ClientId { get; set; }

    public ServiceType ServiceType { get; set; }

    public required string ProviderCode { get; set; }

    public DateOnly FirstDay { get; set; }

    public DateOnly LastDay { get; set; }

    public long Quantity { get; set; }

    public ServiceUnit Unit { get; set; }

    public long CostCents { get; set; }

    public FundingSource FundingSource { get; set; }

    /// <summary>The official number of an ESF record's project, when it has one.</summary>
    public string? EsfProjectCode { get; set; }

    /// <summary>The project whose rules judged it; records stored before projects were "none" or Zemgale's (see the migration).</summary>
    public required string ProjectCode { get; set; }

    public RecipientKind RecipientKind { get; set; }

    public required string RecordedByCode { get; set; }

    public DateTime RecordTime { get; set; }

    /// <summary>Null while the record stands; set, with the two columns below, when it is withdrawn.</summary>
    public DateTime? WithdrawTime { get; set; }

    public string? WithdrawnByCode { get; set; }

    public WithdrawalReason? WithdrawalReason { get; set; }
}

internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecordRow>
{
    public void Configure(EntityTypeBuilder<ServiceRecordRow> builder)
    {
        builder.ToTable("service_records", table => table.HasCheckConstraint("CK_service_records_amounts", "Quantity > 0 AND CostCents >= 0"));
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(36);
        builder.Property(r => r.RequestId).HasMaxLength(16);
        builder.Property(r => r.ContentHash).HasMaxLength(32);
        builder.Property(r => r.ClientId).HasMaxLength(36);
        builder.Property(r => r.ServiceType).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ProviderCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(r => r.Unit).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.FundingSource).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.EsfProjectCode).HasMaxLength(32);
        builder.Property(r => r.ProjectCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(r => r.RecipientKind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.RecordedByCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(r => r.WithdrawnByCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(r => r.WithdrawalReason).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(r => new { r.RequestId, r.RecordedByCode }).IsUnique();
        // The caps count a client's earlier records of one service by day.
        builder.HasIndex(r => new { r.ClientId, r.ServiceType, r.FirstDay });
        builder.HasIndex(r => new { r.ProviderCode, r.Id });
        // A funding report sums a region's records of a period: this index alone answers it (and
        // streams the split projects' costs), without reading every record of the providers from the
        // table. WithdrawTime is always null in it, but SQLite reads only an index's columns without the table.
        builder.HasIndex(r => new { r.ProviderCode, r.FirstDay, r.FundingSource, r.ServiceType, r.ProjectCode, r.CostCents, r.Id, r.WithdrawTime })
            .HasDatabaseName("IX_service_records_Funding")
            .HasFilter("WithdrawTime IS NULL");
        builder.HasOne<ClientRow>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(r => r.ProviderCode).OnDelete(DeleteBehavior.Restrict);
    }
}
