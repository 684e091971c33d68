using DeinstGateway.Core.Audit;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Audit;

public sealed class AccessLogRow
{
    /// <summary>1, 2, 3 … without gaps: assigned under the write lock, never by the database, as the chain hashes it.</summary>
    public long Position { get; set; }

    public DateTime Time { get; set; }

    public required string InstitutionCode { get; set; }

    public required string CertificateThumbprint { get; set; }

    public required string Method { get; set; }

    public required string ClientId { get; set; }

    public required string Purpose { get; set; }

    public AccessOutcome Outcome { get; set; }

    public required byte[] PreviousHash { get; set; }

    public required byte[] EntryHash { get; set; }
}

internal sealed class AccessLogConfiguration : IEntityTypeConfiguration<AccessLogRow>
{
    public void Configure(EntityTypeBuilder<AccessLogRow> builder)
    {
        builder.ToTable("access_log");
        builder.HasKey(e => e.Position);
        builder.Property(e => e.Position).ValueGeneratedNever();
        builder.Property(e => e.InstitutionCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(e => e.CertificateThumbprint).HasMaxLength(64);
        builder.Property(e => e.Method).HasMaxLength(128);
        builder.Property(e => e.ClientId).HasMaxLength(36);
        builder.Property(e => e.Purpose).HasMaxLength(32);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.PreviousHash).HasMaxLength(AccessLogChain.HashSize);
        builder.Property(e => e.EntryHash).HasMaxLength(AccessLogChain.HashSize);

        // "Who accessed this person's data": one client's entries, newest first.
        builder.HasIndex(e => new { e.ClientId, e.Position });
    }
}
