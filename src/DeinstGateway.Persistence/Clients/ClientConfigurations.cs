using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Clients;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<ClientRow>
{
    public void Configure(EntityTypeBuilder<ClientRow> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(36);
        builder.Property(c => c.PersonalCodeHash).HasMaxLength(32);
        builder.Property(c => c.FormerPersonalCodeHash).HasMaxLength(32);
        builder.Property(c => c.ProtectedIdentity).HasMaxLength(1024);
        builder.Property(c => c.TargetGroup).HasConversion<string>().HasMaxLength(48);
        builder.HasIndex(c => c.PersonalCodeHash).IsUnique();
        // Few people change their personal code: the index holds only those who did.
        builder.HasIndex(c => c.FormerPersonalCodeHash).IsUnique().HasFilter("FormerPersonalCodeHash IS NOT NULL");
    }
}

internal sealed class ClientRelationConfiguration : IEntityTypeConfiguration<ClientRelationRow>
{
    public void Configure(EntityTypeBuilder<ClientRelationRow> builder)
    {
        builder.ToTable("client_relations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.ClientId).HasMaxLength(36);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.InstitutionCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(r => r.TransferId).HasMaxLength(36);
        builder.Property(r => r.SupportPlanId).HasMaxLength(64);
        // Scopes ask "which clients does this institution relate to"; a client's view asks the reverse.
        builder.HasIndex(r => new { r.InstitutionCode, r.Kind, r.ClientId });
        builder.HasIndex(r => r.ClientId);
        builder.HasOne<ClientRow>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(r => r.InstitutionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClientRegistrationConfiguration : IEntityTypeConfiguration<ClientRegistrationRow>
{
    public void Configure(EntityTypeBuilder<ClientRegistrationRow> builder)
    {
        builder.ToTable("client_registrations");
        builder.HasKey(r => new { r.MunicipalityCode, r.RequestId });
        builder.Property(r => r.MunicipalityCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(r => r.RequestId).HasMaxLength(16);
        builder.Property(r => r.ContentHash).HasMaxLength(32);
        builder.Property(r => r.ClientId).HasMaxLength(36);
        builder.HasOne<ClientRow>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
