using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Areas.Projects;

// The projections of the projects area: each keyed by the natural id its event carries, indexed by its business date.

internal sealed class ProjectSubmissionConfiguration : IEntityTypeConfiguration<ProjectSubmission>
{
    public void Configure(EntityTypeBuilder<ProjectSubmission> builder)
    {
        builder.ToTable("project_submissions");
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.SubmittedOn);
    }
}

internal sealed class ProjectApprovalConfiguration : IEntityTypeConfiguration<ProjectApproval>
{
    public void Configure(EntityTypeBuilder<ProjectApproval> builder)
    {
        builder.ToTable("project_approvals");
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.ApprovedOn);
    }
}

internal sealed class ProjectRejectionConfiguration : IEntityTypeConfiguration<ProjectRejection>
{
    public void Configure(EntityTypeBuilder<ProjectRejection> builder)
    {
        builder.ToTable("project_rejections");
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.RejectedOn);
    }
}

internal sealed class ProjectDisbursementConfiguration : IEntityTypeConfiguration<ProjectDisbursement>
{
    public void Configure(EntityTypeBuilder<ProjectDisbursement> builder)
    {
        builder.ToTable("project_disbursements");
        builder.HasKey(f => f.DisbursementId);
        builder.HasIndex(f => f.PaidOn);
    }
}

internal sealed class ProjectOutcomeConfiguration : IEntityTypeConfiguration<ProjectOutcome>
{
    public void Configure(EntityTypeBuilder<ProjectOutcome> builder)
    {
        builder.ToTable("project_outcomes");
        builder.HasKey(f => f.OutcomeId);
        builder.HasIndex(f => new { f.Kind, f.RecordedOn });
    }
}

internal sealed class ProjectAcceptanceConfiguration : IEntityTypeConfiguration<ProjectAcceptance>
{
    public void Configure(EntityTypeBuilder<ProjectAcceptance> builder)
    {
        builder.ToTable("project_acceptances");
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.AcceptedOn);
    }
}
