using CountyTech.BureauRules;
using CountyTech.Enterprises.Apis;
using CountyTech.Testing;

namespace CountyTech.Enterprises.Tests;

/// <summary>Request checks: each bad field named once, nothing else.</summary>
public class EnterpriseValidationTests
{
    private static readonly DateOnly Today = new(2025, 6, 30);

    private static readonly RegisterEnterpriseRequest Valid = new(
        "91350100M000100Y43", "某某电子科技有限公司", "电子信息", "城关镇", new DateOnly(2012, 8, 8), true);

    private static readonly ReportAnnualFiguresRequest Figures = new(1200.5m, 80m, 150, 30, 900m);

    [Fact]
    public void A_complete_registration_passes_with_the_credit_code_in_capitals_and_trimmed()
    {
        var errors = new ValidationErrors();

        var registration = (Valid with { CreditCode = " 91350100m000100y43 ", Name = " 某某电子科技有限公司 " }).Validate(Today, errors);

        Assert.True(errors.IsValid);
        Assert.Equal(("91350100M000100Y43", "某某电子科技有限公司"), (registration.CreditCode, registration.Name));
    }

    [Theory]
    [InlineData("91350100M000100Y42")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000I00Y43")]
    [InlineData("")]
    public void A_wrong_credit_code_is_named(string code)
    {
        var errors = new ValidationErrors();

        (Valid with { CreditCode = code }).Validate(Today, errors);

        Assert.Equal(["creditCode"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void Every_missing_field_is_named()
    {
        var errors = new ValidationErrors();

        new RegisterEnterpriseRequest(null, null, null, null, null, null).Validate(Today, errors);

        Assert.Equal(["aboveDesignatedSize", "creditCode", "industry", "name", "registeredOn", "township"], Problems.ErrorFields(errors));
    }

    [Theory]
    [InlineData("2025-07-01", false)]
    [InlineData("2025-06-30", true)]
    [InlineData("1948-12-31", false)]
    public void A_registration_date_is_a_past_business_date(string registeredOn, bool valid)
    {
        var errors = new ValidationErrors();

        (Valid with { RegisteredOn = DateOnly.Parse(registeredOn) }).Validate(Today, errors);

        Assert.Equal(valid ? [] : ["registeredOn"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void Complete_figures_pass()
    {
        var errors = new ValidationErrors();

        var figures = Figures.Validate(errors);

        Assert.True(errors.IsValid);
        Assert.Equal(new Domain.AnnualFigures(1200.5m, 80m, 150, 30, 900m), figures);
    }

    [Fact]
    public void More_tech_staff_than_employees_is_named_on_tech_staff()
    {
        var errors = new ValidationErrors();

        (Figures with { Employees = 30, TechStaff = 31 }).Validate(errors);

        Assert.Equal(["techStaff"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void Tech_staff_equal_to_employees_and_high_tech_revenue_equal_to_revenue_pass()
    {
        var errors = new ValidationErrors();

        (Figures with { Employees = 30, TechStaff = 30, HighTechRevenueWan = 1200.5m }).Validate(errors);

        Assert.True(errors.IsValid);
    }

    [Fact]
    public void High_tech_revenue_above_revenue_is_named_on_it()
    {
        var errors = new ValidationErrors();

        (Figures with { HighTechRevenueWan = 1200.5001m }).Validate(errors);

        Assert.Equal(["highTechRevenueWan"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void Negative_missing_or_too_precise_figures_are_named_and_zero_is_allowed()
    {
        var errors = new ValidationErrors();
        new ReportAnnualFiguresRequest(-1m, 0.00001m, null, -2, null).Validate(errors);
        Assert.Equal(["employees", "highTechRevenueWan", "rdExpenseWan", "revenueWan", "techStaff"], Problems.ErrorFields(errors));

        var zeros = new ValidationErrors();
        new ReportAnnualFiguresRequest(0m, 0m, 0, 0, 0m).Validate(zeros);
        Assert.True(zeros.IsValid);
    }
}
