using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;

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
