using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.Transfers;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<TransferRow>
{
    public void Configure(EntityTypeBuilder<TransferRow> builder)
    {
        const int Code = InstitutionConfiguration.CodeLength;
        builder.ToTable("transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(36);
        builder.Property(t => t.CaseNumber).HasMaxLength(64);
        builder.Property(t => t.SourceCode).HasMaxLength(Code);
        builder.Property(t => t.SourceParentCode).HasMaxLength(Code);
        builder.Property(t => t.SubmitterCode).HasMaxLength(Code);
        builder.Property(t => t.BusinessKey).HasMaxLength(Code + 65);
        builder.Property(t => t.RequestId).HasMaxLength(16);
        builder.Property(t => t.ContentHash).HasMaxLength(32);
        builder.Property(t => t.ClientId).HasMaxLength(36);
        builder.Property(t => t.ProtectedPerson).HasMaxLength(1024);
        builder.Property(t => t.TargetGroup).HasConversion<string>().HasMaxLength(48);
        builder.Property(t => t.DestinationMunicipalityCode).HasMaxLength(Code);
        builder.Property(t => t.DestinationRegionCode).HasMaxLength(Code);
        builder.Property(t => t.RequestedServices).HasMaxLength(64);
        builder.Property(t => t.DestinationProviderCode).HasMaxLength(Code);
        builder.Property(t => t.SupportPlanReference).HasMaxLength(64);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.RejectionReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.PlacesProviderCode).HasMaxLength(Code);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.HasIndex(t => t.BusinessKey).IsUnique();
        builder.HasIndex(t => new { t.RequestId, t.SubmitterCode }).IsUnique();
        // Each caller's view walks its own slice in id order.
        builder.HasIndex(t => new { t.SourceCode, t.Id });
        builder.HasIndex(t => new { t.DestinationMunicipalityCode, t.Id });
        builder.HasIndex(t => new { t.DestinationRegionCode, t.Id });
        builder.HasIndex(t => t.ClientId);
        // Only branches have a parent and only some transfers name a provider: rows without one
        // are never looked up through these columns, so every submission writes fewer index entries.
        builder.HasIndex(t => new { t.SourceParentCode, t.Id }).HasFilter("SourceParentCode IS NOT NULL");
        builder.HasIndex(t => t.DestinationProviderCode).HasFilter("DestinationProviderCode IS NOT NULL");

        builder.HasOne<ClientRow>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(t => t.SourceCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(t => t.DestinationMunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(t => t.DestinationProviderCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferEventConfiguration : IEntityTypeConfiguration<TransferEventRow>
{
    public void Configure(EntityTypeBuilder<TransferEventRow> builder)
    {
        builder.ToTable("transfer_events");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.TransferId).HasMaxLength(36);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ActorCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(e => e.RejectionReason).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(e => new { e.TransferId, e.Sequence });
        builder.HasOne<TransferRow>().WithMany().HasForeignKey(e => e.TransferId).OnDelete(DeleteBehavior.Restrict);
    }
}
