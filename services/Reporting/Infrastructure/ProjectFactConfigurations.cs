using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Infrastructure;

// The projections of the projects area: each keyed by the natural id its event carries, indexed by its business date.

internal sealed class ProjectSubmissionConfiguration : IEntityTypeConfiguration<ProjectSubmission>
{
    public void Configure(EntityTypeBuilder<ProjectSubmission> builder)
    {
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.SubmittedOn);
    }
}

internal sealed class ProjectApprovalConfiguration : IEntityTypeConfiguration<ProjectApproval>
{
    public void Configure(EntityTypeBuilder<ProjectApproval> builder)
    {
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.ApprovedOn);
    }
}

internal sealed class ProjectRejectionConfiguration : IEntityTypeConfiguration<ProjectRejection>
{
    public void Configure(EntityTypeBuilder<ProjectRejection> builder)
    {
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.RejectedOn);
    }
}

internal sealed class ProjectDisbursementConfiguration : IEntityTypeConfiguration<ProjectDisbursement>
{
    public void Configure(EntityTypeBuilder<ProjectDisbursement> builder)
    {
        builder.HasKey(f => f.DisbursementId);
        builder.HasIndex(f => f.PaidOn);
    }
}

internal sealed class ProjectOutcomeConfiguration : IEntityTypeConfiguration<ProjectOutcome>
{
    public void Configure(EntityTypeBuilder<ProjectOutcome> builder)
    {
        builder.HasKey(f => f.OutcomeId);
        builder.HasIndex(f => new { f.Kind, f.RecordedOn });
    }
}

internal sealed class ProjectAcceptanceConfiguration : IEntityTypeConfiguration<ProjectAcceptance>
{
    public void Configure(EntityTypeBuilder<ProjectAcceptance> builder)
    {
        builder.HasKey(f => f.ProjectId);
        builder.HasIndex(f => f.AcceptedOn);
    }
}
