using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects.Apis;

// Request bodies as API.md names them. Every field is nullable so that a missing one is reported per field (400)
// instead of failing the whole body; Validate turns a request into checked values or records errors.

public sealed record SubmitProjectRequest(
    string? Title, ProjectLevel? Level, ProjectField? Field, string? LeadOrganization, [OptionalField] string? LeadCreditCode,
    string? Township, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? BudgetWan)
{
    internal ProjectApplication Validate(ValidationErrors errors)
    {
        var plannedStart = BusinessDates.Date(PlannedStart, "plannedStart", errors);
        var plannedEnd = BusinessDates.Date(PlannedEnd, "plannedEnd", errors);
        errors.Require(PlannedStart is null || PlannedEnd is null || plannedStart <= plannedEnd,
            "plannedEnd", "plannedEnd must not be before plannedStart.");
        var creditCode = string.IsNullOrWhiteSpace(LeadCreditCode) ? null : LeadCreditCode.Trim().ToUpperInvariant();
        errors.Require(creditCode is null || CreditCode.IsValid(creditCode),
            "leadCreditCode", "leadCreditCode must be an 18-character unified social credit code with a valid check character.");
        return new ProjectApplication(
            errors.Text(Title, "title"),
            errors.Present(Level, "level"),
            errors.Present(Field, "field"),
            errors.Text(LeadOrganization, "leadOrganization"),
            creditCode,
            errors.Text(Township, "township", 50),
            plannedStart,
            plannedEnd,
            Amounts.Wan(BudgetWan, "budgetWan", errors));
    }
}

public sealed record ApproveProjectRequest(DateOnly? ApprovedOn, decimal? FundingWan);

public sealed record RejectProjectRequest(DateOnly? RejectedOn, string? Reason);

public sealed record DisburseFundsRequest(DateOnly? PaidOn, decimal? AmountWan);

public sealed record RecordOutcomeRequest(OutcomeKind? Kind, string? Name, DateOnly? RecordedOn, [OptionalField] decimal? DemoAreaMu);

public sealed record RecordAcceptanceRequest(DateOnly? AcceptedOn, bool? Passed);
