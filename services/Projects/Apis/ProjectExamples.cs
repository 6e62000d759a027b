using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;

namespace CountyTech.Projects.Apis;

/// <summary>
/// The examples of the Projects document (示例), all in one place: a county's tea-garden project from application
/// through approval, a disbursement and an outcome.
/// </summary>
internal static class ProjectExamples
{
    private static readonly Guid ProjectId = Guid.Parse("0193a4c2-6f1e-7d3a-9b2c-5e8f1a2b3c4d");
    private static readonly DateTimeOffset Submitted = new(2025, 3, 3, 9, 12, 0, TimeSpan.Zero);

    private static readonly DisbursementResponse Disbursement =
        new(Guid.Parse("0193a4c2-7a10-7c4e-8f21-0a1b2c3d4e5f"), new DateOnly(2025, 5, 20), 15m);

    private static readonly OutcomeResponse Outcome =
        new(Guid.Parse("0193a4c2-7b22-71d0-a3c4-9d8e7f6a5b4c"), OutcomeKind.Technique, "茶园绿色防控集成技术", new DateOnly(2025, 10, 9), 1200m);

    private static readonly ProjectResponse Project = new(
        ProjectId, "高山茶园绿色防控技术示范", ProjectLevel.County, ProjectField.Agriculture, "青川县茶叶产业发展中心", "12510822MB1A2847JP",
        "乔庄镇", new DateOnly(2025, 3, 1), new DateOnly(2026, 12, 31), 45.5m, ProjectStatus.Approved, new DateOnly(2025, 3, 3),
        new DateOnly(2025, 4, 15), 30m, null, null, null, 15m, [Disbursement], [Outcome], Submitted, Submitted.AddDays(220));

    public static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(SubmitProjectRequest)] = new SubmitProjectRequest(
            "高山茶园绿色防控技术示范", ProjectLevel.County, ProjectField.Agriculture, "青川县茶叶产业发展中心", "12510822MB1A2847JP",
            "乔庄镇", new DateOnly(2025, 3, 1), new DateOnly(2026, 12, 31), 45.5m),
        [typeof(ApproveProjectRequest)] = new ApproveProjectRequest(new DateOnly(2025, 4, 15), 30m),
        [typeof(RejectProjectRequest)] = new RejectProjectRequest(new DateOnly(2025, 4, 15), "申报内容与本年度指南方向不符"),
        [typeof(DisburseFundsRequest)] = new DisburseFundsRequest(new DateOnly(2025, 5, 20), 15m),
        [typeof(RecordOutcomeRequest)] = new RecordOutcomeRequest(OutcomeKind.Technique, "茶园绿色防控集成技术", new DateOnly(2025, 10, 9), 1200m),
        [typeof(RecordAcceptanceRequest)] = new RecordAcceptanceRequest(new DateOnly(2026, 12, 20), true),
        [typeof(ProjectResponse)] = Project,
        [typeof(DisbursementResponse)] = Disbursement,
        [typeof(OutcomeResponse)] = Outcome,
        [typeof(ProjectSummary)] = new ProjectSummary(
            ProjectId, Project.Title, Project.Level, Project.Field, Project.LeadOrganization, Project.Township, Project.Status,
            Project.SubmittedOn, Project.ApprovedOn, Project.BudgetWan, Project.FundingWan, Project.DisbursedWan, null),
        [typeof(PagedList<ProjectSummary>)] = new PagedList<ProjectSummary>(
            [new ProjectSummary(ProjectId, Project.Title, Project.Level, Project.Field, Project.LeadOrganization, Project.Township,
                Project.Status, Project.SubmittedOn, Project.ApprovedOn, Project.BudgetWan, Project.FundingWan, Project.DisbursedWan, null)],
            1, 50, 1),
    };
}
