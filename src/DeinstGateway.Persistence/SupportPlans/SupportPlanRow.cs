using DeinstGateway.Persistence.Clients;
using DeinstGateway.Persistence.Registry;
using DeinstGateway.Persistence.Transfers;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace DeinstGateway.Persistence.SupportPlans;

public sealed class SupportPlanRow
{
    public required string ClientId { get; set; }

    public required string PlanId { get; set; }

    public required string ResponsibleMunicipalityCode { get; set; }

    public DateOnly AssessmentDate { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The planned services as JSON: always read and written with the plan, never queried alone.</summary>
    public required string PlannedServices { get; set; }

    public int Version { get; set; }

    public DateTime UpdateTime { get; set; }
}

internal sealed class SupportPlanConfiguration : IEntityTypeConfiguration<SupportPlanRow>
{
    public void Configure(EntityTypeBuilder<SupportPlanRow> builder)
    {
        builder.ToTable("support_plans");
        builder.HasKey(p => new { p.ClientId, p.PlanId });
        builder.Property(p => p.ClientId).HasMaxLength(36);
        builder.Property(p => p.PlanId).HasMaxLength(64);
        builder.Property(p => p.ResponsibleMunicipalityCode).HasMaxLength(InstitutionConfiguration.CodeLength);
        builder.Property(p => p.PlannedServices).HasMaxLength(8000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<ClientRow>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionRow>().WithMany().HasForeignKey(p => p.ResponsibleMunicipalityCode).OnDelete(DeleteBehavior.Restrict);
    }
}
