using CountyTech.BureauRules;
using CountyTech.Contracts.Enterprises;
using CountyTech.Enterprises.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.Enterprises.Apis;

// Request bodies as API.md names them. Every field is nullable so that a missing one is reported per field (400)
// instead of failing the whole body; Validate turns a request into checked values or records errors.

public sealed record RegisterEnterpriseRequest(
    string? CreditCode, string? Name, string? Industry, string? Township, DateOnly? RegisteredOn, bool? AboveDesignatedSize)
{
    internal EnterpriseRegistration Validate(DateOnly today, ValidationErrors errors) => new(
        EnterpriseInput.CreditCode(CreditCode, "creditCode", errors),
        errors.Text(Name, "name", EnterpriseLimits.Name),
        errors.Text(Industry, "industry", EnterpriseLimits.Industry),
        errors.Text(Township, "township", EnterpriseLimits.Township),
        BusinessDates.PastDate(RegisteredOn, "registeredOn", today, errors),
        errors.Present(AboveDesignatedSize, "aboveDesignatedSize"));
}

public sealed record CertifyEnterpriseRequest(string? CertificateNo, DateOnly? IssuedOn, string? TechnologyField);

public sealed record RevokeCertificateRequest(DateOnly? RevokedOn, string? Reason);

public sealed record RegisterTechSmeRequest(int? Year, string? RegistrationNo);

public sealed record RecogniseRdCentreRequest(string? Name, RdCentreLevel? Level, DateOnly? RecognisedOn);

public sealed record SignCooperationRequest(string? Partner, PartnerKind? PartnerKind, DateOnly? SignedOn, [OptionalField] decimal? AmountWan);

public sealed record ReportAnnualFiguresRequest(
    decimal? RevenueWan, decimal? RdExpenseWan, int? Employees, int? TechStaff, decimal? HighTechRevenueWan)
{
    internal AnnualFigures Validate(ValidationErrors errors) =>
        AnnualFiguresInput.Check(RevenueWan, RdExpenseWan, Employees, TechStaff, HighTechRevenueWan, AnnualFigureFields.Json, errors);
}

/// <summary>Checks of single values that several requests share.</summary>
internal static class EnterpriseInput
{
    /// <summary>A required 统一社会信用代码 with its GB 32100-2015 check character, trimmed and in capitals.</summary>
    public static string CreditCode(string? code, string field, ValidationErrors errors)
    {
        var normalised = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalised))
        {
            errors.Add(field, $"{field} is required.");
            return string.Empty;
        }

        errors.Require(BureauRules.CreditCode.IsValid(normalised), field,
            $"{field} must be an 18-character unified social credit code (统一社会信用代码) with a valid GB 32100-2015 check character.");
        return normalised;
    }

    /// <summary>An optional amount in 万元 from 0 (an agreement without an amount leaves it out).</summary>
    public static decimal? OptionalWan(decimal? amount, string field, ValidationErrors errors) =>
        amount is null ? null : Amounts.WanOrZero(amount, field, errors);
}
