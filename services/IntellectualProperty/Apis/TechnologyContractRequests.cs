using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;
using CountyTech.ServiceDefaults;

namespace CountyTech.IntellectualProperty.Apis;

public sealed record RegisterTechnologyContractRequest(
    string? RegistrationNo, TechnologyContractType? Type, decimal? AmountWan, DateOnly? SignedOn, string? SellerName,
    [OptionalField] string? SellerCreditCode, string? BuyerName)
{
    internal TechnologyContractRegistration Validate(ValidationErrors errors)
    {
        var creditCode = string.IsNullOrWhiteSpace(SellerCreditCode) ? null : SellerCreditCode.Trim().ToUpperInvariant();
        errors.Require(creditCode is null || CreditCode.IsValid(creditCode),
            "sellerCreditCode", "sellerCreditCode must be an 18-character unified social credit code with a valid check character.");
        return new TechnologyContractRegistration(
            errors.Text(RegistrationNo, "registrationNo", 50),
            errors.Present(Type, "type"),
            Amounts.Wan(AmountWan, "amountWan", errors),
            BusinessDates.Date(SignedOn, "signedOn", errors),
            errors.Text(SellerName, "sellerName"),
            creditCode,
            errors.Text(BuyerName, "buyerName"));
    }
}
