using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects.Domain;

/// <summary>
/// An S&amp;T project (科技项目) from application to acceptance. Its rules: only a submitted project is approved or
/// rejected; only an approved project takes disbursements, whose total never exceeds its funding, and goes to acceptance;
/// outcomes are recorded once it is approved. Dates of later steps never precede the approval. A project holds at most
/// <see cref="MaxEntries"/> disbursements and as many outcomes, so that it always fits in one answer. A broken rule is
/// a <see cref="RuleViolationException"/> (409).
/// </summary>
public sealed class Project
{
    /// <summary>
    /// The most disbursements, and the most outcomes, one project records: a full page of a list (far beyond a county
    /// project's tranches or results), so the project with both lists is one bounded answer.
    /// </summary>
    public const int MaxEntries = PageRequest.MaxSize;

    private readonly List<Disbursement> _disbursements = [];
    private readonly List<ProjectOutcome> _outcomes = [];

    private Project()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public ProjectLevel Level { get; private set; }

    public ProjectField Field { get; private set; }

    /// <summary>承担单位.</summary>
    public string LeadOrganization { get; private set; } = string.Empty;

    public string? LeadCreditCode { get; private set; }

    /// <summary>乡镇 where the project is carried out.</summary>
    public string Township { get; private set; } = string.Empty;

    public DateOnly PlannedStart { get; private set; }

    public DateOnly PlannedEnd { get; private set; }

    /// <summary>Total budget applied for, 万元.</summary>
    public decimal BudgetWan { get; private set; }

    public ProjectStatus Status { get; private set; }

    public DateOnly SubmittedOn { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>Funding granted at approval, 万元.</summary>
    public decimal? FundingWan { get; private set; }

    public DateOnly? RejectedOn { get; private set; }

    public string? RejectionReason { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>Sum of the disbursements, kept on the row for lists and for the funding check.</summary>
    public decimal DisbursedWan { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Disbursement> Disbursements => _disbursements;

    public IReadOnlyList<ProjectOutcome> Outcomes => _outcomes;

    public static Project Submit(ProjectApplication application, DateOnly submittedOn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Title = application.Title,
        Level = application.Level,
        Field = application.Field,
        LeadOrganization = application.LeadOrganization,
        LeadCreditCode = application.LeadCreditCode,
        Township = application.Township,
        PlannedStart = application.PlannedStart,
        PlannedEnd = application.PlannedEnd,
        BudgetWan = application.BudgetWan,
        Status = ProjectStatus.Submitted,
        SubmittedOn = submittedOn,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Approve(DateOnly approvedOn, decimal fundingWan, DateTimeOffset now)
    {
        RequireStatus(ProjectStatus.Submitted, "approved");
        Status = ProjectStatus.Approved;
        ApprovedOn = approvedOn;
        FundingWan = fundingWan;
        UpdatedAt = now;
    }

    public void Reject(DateOnly rejectedOn, string reason, DateTimeOffset now)
    {
        RequireStatus(ProjectStatus.Submitted, "rejected");
        Status = ProjectStatus.Rejected;
        RejectedOn = rejectedOn;
        RejectionReason = reason;
        UpdatedAt = now;
    }

    public Disbursement Disburse(DateOnly paidOn, decimal amountWan, DateTimeOffset now)
    {
        RequireStatus(ProjectStatus.Approved, "paid funds");
        RequireNotBeforeApproval(paidOn, "paidOn");
        RequireRoomFor(_disbursements.Count, "disbursements");
        if (DisbursedWan + amountWan > FundingWan)
        {
            throw new RuleViolationException(
                $"Disbursing {amountWan} 万元 would bring the total to {DisbursedWan + amountWan} 万元, over the funding of {FundingWan} 万元.");
        }

        var disbursement = new Disbursement(paidOn, amountWan);
        _disbursements.Add(disbursement);
        DisbursedWan += amountWan;
        UpdatedAt = now;
        return disbursement;
    }

    public ProjectOutcome RecordOutcome(OutcomeKind kind, string name, DateOnly recordedOn, decimal? demoAreaMu, DateTimeOffset now)
    {
        if (Status is ProjectStatus.Submitted or ProjectStatus.Rejected)
        {
            throw new RuleViolationException($"Outcomes are recorded for approved projects; this project is {ApiEnum.Name(Status)}.");
        }

        RequireNotBeforeApproval(recordedOn, "recordedOn");
        RequireRoomFor(_outcomes.Count, "outcomes");
        var outcome = new ProjectOutcome(kind, name, recordedOn, demoAreaMu);
        _outcomes.Add(outcome);
        UpdatedAt = now;
        return outcome;
    }

    public void RecordAcceptance(DateOnly acceptedOn, bool passed, DateTimeOffset now)
    {
        RequireStatus(ProjectStatus.Approved, "accepted");
        RequireNotBeforeApproval(acceptedOn, "acceptedOn");
        Status = passed ? ProjectStatus.Accepted : ProjectStatus.FailedAcceptance;
        AcceptedOn = acceptedOn;
        UpdatedAt = now;
    }

    private void RequireStatus(ProjectStatus required, string action)
    {
        if (Status != required)
        {
            throw new RuleViolationException(
                $"Only a {ApiEnum.Name(required)} project can be {action}; this project is {ApiEnum.Name(Status)}.");
        }
    }

    private static void RequireRoomFor(int recorded, string entries)
    {
        if (recorded >= MaxEntries)
        {
            throw new RuleViolationException($"A project records at most {MaxEntries} {entries}; this one has them all.");
        }
    }

    private void RequireNotBeforeApproval(DateOnly date, string field)
    {
        if (date < ApprovedOn)
        {
            throw new RuleViolationException($"{field} {date:yyyy-MM-dd} is before the approval on {ApprovedOn:yyyy-MM-dd}.");
        }
    }
}
