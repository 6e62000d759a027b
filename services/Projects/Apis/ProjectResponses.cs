using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.Projects.Apis;

/// <summary>A project as <c>GET /api/v1/projects/{id}</c> shows it, with its disbursements and outcomes.</summary>
public sealed record ProjectResponse(
    Guid Id, string Title, ProjectLevel Level, ProjectField Field, string LeadOrganization, string? LeadCreditCode,
    string Township, DateOnly PlannedStart, DateOnly PlannedEnd, decimal BudgetWan, ProjectStatus Status,
    DateOnly SubmittedOn, DateOnly? ApprovedOn, decimal? FundingWan, DateOnly? RejectedOn, string? RejectionReason,
    DateOnly? AcceptedOn, decimal DisbursedWan, IReadOnlyList<DisbursementResponse> Disbursements,
    IReadOnlyList<OutcomeResponse> Outcomes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ProjectResponse From(Project p) => new(
        p.Id, p.Title, p.Level, p.Field, p.LeadOrganization, p.LeadCreditCode, p.Township, p.PlannedStart, p.PlannedEnd,
        p.BudgetWan, p.Status, p.SubmittedOn, p.ApprovedOn, p.FundingWan, p.RejectedOn, p.RejectionReason, p.AcceptedOn,
        p.DisbursedWan,
        p.Disbursements.OrderBy(d => d.PaidOn).ThenBy(d => d.Id).Select(d => new DisbursementResponse(d.Id, d.PaidOn, d.AmountWan)).ToList(),
        p.Outcomes.OrderBy(o => o.RecordedOn).ThenBy(o => o.Id).Select(o => new OutcomeResponse(o.Id, o.Kind, o.Name, o.RecordedOn, o.DemoAreaMu)).ToList(),
        p.CreatedAt, p.UpdatedAt);
}

public sealed record DisbursementResponse(Guid Id, DateOnly PaidOn, decimal AmountWan);

public sealed record OutcomeResponse(Guid Id, OutcomeKind Kind, string Name, DateOnly RecordedOn, decimal? DemoAreaMu);

/// <summary>A project in a list: its state without the payment and outcome details.</summary>
public sealed record ProjectSummary(
    Guid Id, string Title, ProjectLevel Level, ProjectField Field, string LeadOrganization, string Township,
    ProjectStatus Status, DateOnly SubmittedOn, DateOnly? ApprovedOn, decimal BudgetWan, decimal? FundingWan,
    decimal DisbursedWan, DateOnly? AcceptedOn);

/// <summary>A project as a row of the list's .xlsx download (项目清单), under the bureau's column names.</summary>
public sealed record ProjectSpreadsheetRow(
    [property: ExcelColumnName("项目名称")] string Title,
    [property: ExcelColumnName("项目级别")] string Level,
    [property: ExcelColumnName("领域")] string Field,
    [property: ExcelColumnName("承担单位")] string LeadOrganization,
    [property: ExcelColumnName("乡镇")] string Township,
    [property: ExcelColumnName("状态")] string Status,
    [property: ExcelColumnName("申报日期")] DateTime SubmittedOn,
    [property: ExcelColumnName("立项日期")] DateTime? ApprovedOn,
    [property: ExcelColumnName("申请经费（万元）")] decimal BudgetWan,
    [property: ExcelColumnName("立项经费（万元）")] decimal? FundingWan,
    [property: ExcelColumnName("已拨付（万元）")] decimal DisbursedWan,
    [property: ExcelColumnName("验收日期")] DateTime? AcceptedOn,
    [property: ExcelColumnName("项目编号")] Guid Id)
{
    public static ProjectSpreadsheetRow From(ProjectSummary p) => new(
        p.Title, ApiEnum.Name(p.Level), ApiEnum.Name(p.Field), p.LeadOrganization, p.Township, ApiEnum.Name(p.Status),
        p.SubmittedOn.ToDateTime(TimeOnly.MinValue), p.ApprovedOn?.ToDateTime(TimeOnly.MinValue), p.BudgetWan, p.FundingWan,
        p.DisbursedWan, p.AcceptedOn?.ToDateTime(TimeOnly.MinValue), p.Id);
}
