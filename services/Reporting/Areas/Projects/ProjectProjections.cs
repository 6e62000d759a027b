using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Areas.Projects;

/// <summary>
/// The projections of the projects area (科技项目): each event becomes one fact row built from what it carries (level,
/// township, business date), so no event waits for another and any arrival order gives the same tables.
/// </summary>
public sealed class ProjectProjections :
    IProjection<ProjectSubmitted>,
    IProjection<ProjectApproved>,
    IProjection<ProjectRejected>,
    IProjection<ProjectFundsDisbursed>,
    IProjection<ProjectOutcomeRecorded>,
    IProjection<ProjectAccepted>
{
    public Task ApplyAsync(ProjectSubmitted e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ProjectSubmission
        {
            ProjectId = e.ProjectId, MessageId = messageId, Level = e.Level, Field = e.Field, Township = e.Township,
            SubmittedOn = e.SubmittedOn, BudgetWan = e.BudgetWan,
        }, cancellationToken);

    public Task ApplyAsync(ProjectApproved e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ProjectApproval
        {
            ProjectId = e.ProjectId, MessageId = messageId, Level = e.Level, Field = e.Field, Township = e.Township,
            ApprovedOn = e.ApprovedOn, FundingWan = e.FundingWan,
        }, cancellationToken);

    public Task ApplyAsync(ProjectRejected e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ProjectRejection
        {
            ProjectId = e.ProjectId, MessageId = messageId, Level = e.Level, Field = e.Field, Township = e.Township,
            RejectedOn = e.RejectedOn,
        }, cancellationToken);

    public Task ApplyAsync(ProjectFundsDisbursed e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ProjectDisbursement
        {
            DisbursementId = e.DisbursementId, MessageId = messageId, ProjectId = e.ProjectId, Level = e.Level,
            Township = e.Township, PaidOn = e.PaidOn, AmountWan = e.AmountWan,
        }, cancellationToken);

    public Task ApplyAsync(ProjectOutcomeRecorded e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ProjectOutcome
        {
            OutcomeId = e.OutcomeId, MessageId = messageId, ProjectId = e.ProjectId, Kind = e.Kind, Township = e.Township,
            RecordedOn = e.RecordedOn, DemoAreaMu = e.DemoAreaMu,
        }, cancellationToken);

    public Task ApplyAsync(ProjectAccepted e, Guid messageId, ReportingDbContext db, CancellationToken cancellationToken) =>
        db.RecordAsync(new ProjectAcceptance
        {
            ProjectId = e.ProjectId, MessageId = messageId, Level = e.Level, Field = e.Field, Township = e.Township,
            AcceptedOn = e.AcceptedOn, Passed = e.Passed,
        }, cancellationToken);
}
