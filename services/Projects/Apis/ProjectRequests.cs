using CountyTech.Contracts.Projects;
using CountyTech.Projects.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects.Apis;

// Request bodies as API.md names them. Every field is nullable so that a missing one is reported per field (400)
// instead of failing the whole body; Validate turns a request into checked values or records errors.

public sealed record SubmitProjectRequest(
    string? Title, ProjectLevel? Level, ProjectField? Field, string? LeadOrganization, string? LeadCreditCode,
    string? Township, DateOnly? PlannedStart, DateOnly? PlannedEnd, decimal? BudgetWan)
{
    internal ProjectApplication Validate(ValidationErrors errors)
    {
        var plannedStart = errors.Present(PlannedStart, "plannedStart");
        var plannedEnd = errors.Present(PlannedEnd, "plannedEnd");
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

public sealed record RecordOutcomeRequest(OutcomeKind? Kind, string? Name, DateOnly? RecordedOn, decimal? DemoAreaMu);

public sealed record RecordAcceptanceRequest(DateOnly? AcceptedOn, bool? Passed);

/// <summary>Checks of money and areas shared by the requests.</summary>
internal static class Amounts
{
    private const decimal MaxWan = 100_000_000m;

    /// <summary>A positive amount in 万元 with at most 4 decimals (1 元).</summary>
    public static decimal Wan(decimal? amount, string field, ValidationErrors errors)
    {
        var value = errors.Present(amount, field);
        errors.Require(amount is null || (value > 0 && value <= MaxWan), field, $"{field} must be more than 0 and at most {MaxWan} 万元.");
        errors.Require(amount is null || decimal.Round(value, 4) == value, field, $"{field} has more than 4 decimals (万元 to the yuan).");
        return value;
    }

    /// <summary>An optional area in 亩: absent, or not negative with at most 2 decimals.</summary>
    public static decimal? Mu(decimal? area, string field, ValidationErrors errors)
    {
        errors.Require(area is null || (area >= 0 && area <= 10_000_000m && decimal.Round(area.Value, 2) == area),
            field, $"{field} must be between 0 and 10000000 亩 with at most 2 decimals.");
        return area;
    }
}
