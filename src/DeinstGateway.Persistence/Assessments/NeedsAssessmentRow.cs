using DeinstGateway.Core.Assessments;
using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DeinstGateway.Persistence.Assessments;

public sealed class NeedsAssessmentRow
{
    public required string Id { get; set; }

    public required string ClientId { get; set; }

    public DateOnly AssessmentDate { get; set; }

    public required string AssessorCode { get; set; }

    public string? ProjectCode { get; set; }

    public AssessmentOutcome Outcome { get; set; }

    /// <summary>Service type numbers, comma-separated, ascending; empty when none were named.</summary>
    public required string PlannedServiceTypes { get; set; }

    /// <summary>The municipality responsible for the client when recorded: where monitoring counts it.</summary>
    public required string ResponsibleMunicipalityCode { get; set; }

    public required string RecordedByCode { get; set; }

    /// <summary>The recorder's request id as the UUID's 16 bytes: one assessment per request id and recorder.</summary>
    public required byte[] RequestId { get; set; }

    public required byte[] ContentHash { get; set; }

    public DateTime CreateTime { get; set; }
}

internal sealed class NeedsAssessmentConfiguration : IEntityTypeConfiguration<NeedsAssessmentRow>
{
    public void Configure(EntityTypeBuilder<NeedsAssessmentRow> builder)
    {
        builder.ToTable("needs_assessments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(36);
        builder.Property(a => a.ClientId).HasMaxLength(36);
        builder.Property(a => a.AssessorCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(a => a.ProjectCode).HasMaxLength(32);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.PlannedServiceTypes).HasMaxLength(64);
        builder.Property(a => a.ResponsibleMunicipalityCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(a => a.RecordedByCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(a => a.RequestId).HasMaxLength(16);
        builder.Property(a => a.ContentHash).HasMaxLength(32);
        builder.HasIndex(a => new { a.RecordedByCode, a.RequestId }).IsUnique();
        builder.HasIndex(a => new { a.ClientId, a.AssessmentDate, a.Id });
        // Monitoring counts assessments by month of their date.
        builder.HasIndex(a => a.AssessmentDate);
        builder.HasOne<ClientRow>().WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(a => a.AssessorCode).OnDelete(DeleteBehavior.Restrict);
    }
}
