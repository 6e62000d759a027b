using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.Areas.Projects;

/// <summary>A project application as submitted (项目申报), one row per project.</summary>
public sealed class ProjectSubmission : IFact
{
    public required Guid ProjectId { get; init; }

    public required Guid MessageId { get; init; }

    public required ProjectLevel Level { get; init; }

    public required ProjectField Field { get; init; }

    public required string Township { get; init; }

    public required DateOnly SubmittedOn { get; init; }

    public required decimal BudgetWan { get; init; }
}

/// <summary>A project approval (立项) with its funding in 万元, one row per project.</summary>
public sealed class ProjectApproval : IFact
{
    public required Guid ProjectId { get; init; }

    public required Guid MessageId { get; init; }

    public required ProjectLevel Level { get; init; }

    public required ProjectField Field { get; init; }

    public required string Township { get; init; }

    public required DateOnly ApprovedOn { get; init; }

    public required decimal FundingWan { get; init; }
}

/// <summary>A project application turned down (未获立项), one row per project.</summary>
public sealed class ProjectRejection : IFact
{
    public required Guid ProjectId { get; init; }

    public required Guid MessageId { get; init; }

    public required ProjectLevel Level { get; init; }

    public required ProjectField Field { get; init; }

    public required string Township { get; init; }

    public required DateOnly RejectedOn { get; init; }
}

/// <summary>A payment of funds to a project (资金拨付), one row per disbursement.</summary>
public sealed class ProjectDisbursement : IFact
{
    public required Guid DisbursementId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid ProjectId { get; init; }

    public required ProjectLevel Level { get; init; }

    public required string Township { get; init; }

    public required DateOnly PaidOn { get; init; }

    public required decimal AmountWan { get; init; }
}

/// <summary>A variety introduced or a technique promoted by a project (项目成果), one row per outcome.</summary>
public sealed class ProjectOutcome : IFact
{
    public required Guid OutcomeId { get; init; }

    public required Guid MessageId { get; init; }

    public required Guid ProjectId { get; init; }

    public required OutcomeKind Kind { get; init; }

    public required string Township { get; init; }

    public required DateOnly RecordedOn { get; init; }

    public decimal? DemoAreaMu { get; init; }
}

/// <summary>A project's acceptance review (项目验收) and whether it passed, one row per project.</summary>
public sealed class ProjectAcceptance : IFact
{
    public required Guid ProjectId { get; init; }

    public required Guid MessageId { get; init; }

    public required ProjectLevel Level { get; init; }

    public required ProjectField Field { get; init; }

    public required string Township { get; init; }

    public required DateOnly AcceptedOn { get; init; }

    public required bool Passed { get; init; }
}
