// Integration events of the Projects service (科技项目). Immutable: a breaking change is a new event type.
// Each event carries what Reporting needs (level, township, business dates), so Reporting never calls back.
namespace CountyTech.Contracts.Projects;

/// <summary>Level of the plan a project belongs to (项目级别).</summary>
public enum ProjectLevel { National, Provincial, Municipal, County }

/// <summary>Field a project serves (项目领域).</summary>
public enum ProjectField { Agriculture, Industry, Livelihood, Other }

/// <summary>Kind of outcome a project records: a new crop variety introduced (引进新品种) or a technique promoted (推广技术).</summary>
public enum OutcomeKind { Variety, Technique }

/// <summary>A project application was submitted (申报).</summary>
public sealed record ProjectSubmitted(
    Guid ProjectId, string Title, ProjectLevel Level, ProjectField Field, string LeadOrganization, string? LeadCreditCode,
    string Township, DateOnly PlannedStart, DateOnly PlannedEnd, decimal BudgetWan, DateOnly SubmittedOn);

/// <summary>A project was approved (立项) with its funding in 万元.</summary>
public sealed record ProjectApproved(
    Guid ProjectId, ProjectLevel Level, ProjectField Field, string Township, DateOnly ApprovedOn, decimal FundingWan);

/// <summary>A project application was rejected (未获立项).</summary>
public sealed record ProjectRejected(
    Guid ProjectId, ProjectLevel Level, ProjectField Field, string Township, DateOnly RejectedOn, string Reason);

/// <summary>Funds were paid out to an approved project (资金拨付).</summary>
public sealed record ProjectFundsDisbursed(
    Guid ProjectId, Guid DisbursementId, ProjectLevel Level, string Township, DateOnly PaidOn, decimal AmountWan);

/// <summary>A project introduced a new variety or promoted a technique (项目成果).</summary>
public sealed record ProjectOutcomeRecorded(
    Guid ProjectId, Guid OutcomeId, OutcomeKind Kind, string Name, string Township, DateOnly RecordedOn, decimal? DemoAreaMu);

/// <summary>A project's acceptance review (验收) took place; <see cref="Passed"/> says how it ended.</summary>
public sealed record ProjectAccepted(
    Guid ProjectId, ProjectLevel Level, ProjectField Field, string Township, DateOnly AcceptedOn, bool Passed);
