using CountyTech.Projects.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Projects.Infrastructure;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    private const string Money = "numeric(14,4)";

    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.ToTable("project");
        project.HasKey(p => p.Id);
        project.Property(p => p.Title).HasMaxLength(200);
        project.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        project.Property(p => p.Field).HasConversion<string>().HasMaxLength(20);
        project.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        project.Property(p => p.LeadOrganization).HasMaxLength(200);
        project.Property(p => p.LeadCreditCode).HasMaxLength(18);
        project.Property(p => p.Township).HasMaxLength(50);
        project.Property(p => p.RejectionReason).HasMaxLength(1000);
        project.Property(p => p.BudgetWan).HasColumnType(Money);
        project.Property(p => p.FundingWan).HasColumnType(Money);
        project.Property(p => p.DisbursedWan).HasColumnType(Money);
        project.Property<uint>("xmin").IsRowVersion();
        project.HasIndex(p => p.ApprovedOn);
        project.HasIndex(p => new { p.Township, p.Status });

        project.OwnsMany(p => p.Disbursements, disbursement =>
        {
            disbursement.ToTable("disbursement");
            disbursement.WithOwner().HasForeignKey("ProjectId");
            disbursement.HasKey(d => d.Id);
            disbursement.Property(d => d.Id).ValueGeneratedNever();
            disbursement.Property(d => d.AmountWan).HasColumnType(Money);
        });
        project.Navigation(p => p.Disbursements).HasField("_disbursements");

        project.OwnsMany(p => p.Outcomes, outcome =>
        {
            outcome.ToTable("project_outcome");
            outcome.WithOwner().HasForeignKey("ProjectId");
            outcome.HasKey(o => o.Id);
            outcome.Property(o => o.Id).ValueGeneratedNever();
            outcome.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            outcome.Property(o => o.Name).HasMaxLength(200);
            outcome.Property(o => o.DemoAreaMu).HasColumnType("numeric(14,2)");
        });
        project.Navigation(p => p.Outcomes).HasField("_outcomes");
    }
}
