using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Apis;
using CountyTech.Testing;

namespace CountyTech.IntellectualProperty.Tests;

public class RegistrationValidationTests
{
    private static readonly RegisterTechnologyContractRequest Contract = new(
        "2024430123000045", TechnologyContractType.Development, 85.5m, new DateOnly(2024, 5, 10), "县农业科学研究所",
        "91350100M000100Y43", "某茶业有限公司");

    [Fact]
    public void A_complete_contract_passes()
    {
        var errors = new ValidationErrors();
        var registration = Contract.Validate(errors);

        Assert.True(errors.IsValid);
        Assert.Equal((85.5m, "91350100M000100Y43"), (registration.AmountWan, registration.SellerCreditCode));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(1.00001)]
    public void A_contract_amount_must_be_positive_to_the_yuan(double amount)
    {
        var errors = new ValidationErrors();
        (Contract with { AmountWan = (decimal)amount }).Validate(errors);

        Assert.Equal(["amountWan"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void A_wrong_seller_credit_code_and_missing_fields_are_named()
    {
        var errors = new ValidationErrors();
        new RegisterTechnologyContractRequest(null, null, null, null, null, "91350100M000100Y44", null).Validate(errors);

        Assert.Equal(["amountWan", "buyerName", "registrationNo", "sellerCreditCode", "sellerName", "signedOn", "type"],
            Problems.ErrorFields(errors));
    }

    [Fact]
    public void Every_missing_achievement_field_is_named()
    {
        var errors = new ValidationErrors();
        new RegisterAchievementRequest(" ", null, null, null, null).Validate(errors);

        Assert.Equal(["holderName", "registeredOn", "registrationNo", "title", "type"], Problems.ErrorFields(errors));
    }
}
