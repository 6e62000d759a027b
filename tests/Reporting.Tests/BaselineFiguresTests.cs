using CountyTech.BureauRules;
using CountyTech.Reporting.Domain;
using CountyTech.ServiceDefaults;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

public sealed class BaselineFiguresTests
{
    [Fact]
    public void Complete_positive_figures_are_accepted_as_entered()
    {
        var errors = new ValidationErrors();

        var figures = BaselineFigures.Validate(1_250_000.5m, 412_000m, 360_000m, 9_000.25m, 18_750m, errors);

        Assert.True(errors.IsValid);
        Assert.Equal(new BaselineFigures(1_250_000.5m, 412_000, 360_000m, 9_000.25m, 18_750m), figures);
    }

    [Fact]
    public void Every_missing_figure_is_named()
    {
        var errors = new ValidationErrors();

        Assert.Null(BaselineFigures.Validate(null, null, null, null, null, errors));

        Assert.Equal(
            ["fiscalScienceExpenditureWan", "gdpWan", "generalBudgetExpenditureWan", "population", "rdExpenditureWan"],
            Problems.ErrorFields(errors));
    }

    [Theory]
    [InlineData(0, 412_000, 360_000, 9_000, 1, "gdpWan")]
    [InlineData(1_250_000, -5, 360_000, 9_000, 18_750, "population")]
    [InlineData(1_250_000, 412_000.5, 360_000, 9_000, 18_750, "population")]
    [InlineData(1_250_000, 412_000, 0, 0, 18_750, "generalBudgetExpenditureWan")]
    [InlineData(1_250_000, 412_000, 360_000, -1, 18_750, "fiscalScienceExpenditureWan")]
    [InlineData(1_250_000, 412_000, 360_000, 360_000.01, 18_750, "fiscalScienceExpenditureWan")]
    [InlineData(1_250_000, 412_000, 360_000, 9_000, 1_250_000.01, "rdExpenditureWan")]
    [InlineData(1_250_000, 412_000, 360_000, 9_000, 0, "rdExpenditureWan")]
    [InlineData(1e13, 412_000, 360_000, 9_000, 18_750, "gdpWan")]
    [InlineData(1e28, 412_000, 360_000, 9_000, 1e28, "rdExpenditureWan")]
    public void A_wrong_figure_is_rejected_under_its_own_name(
        double gdp, double population, double budget, double science, double rd, string field)
    {
        var errors = new ValidationErrors();

        Assert.Null(BaselineFigures.Validate((decimal)gdp, (decimal)population, (decimal)budget, (decimal)science, (decimal)rd, errors));

        Assert.Contains(field, Problems.ErrorFields(errors));
    }

    [Fact]
    public void A_population_beyond_any_county_is_rejected_not_overflowed()
    {
        var errors = new ValidationErrors();

        Assert.Null(BaselineFigures.Validate(1_250_000m, 1e20m, 360_000m, 9_000m, 18_750m, errors));

        Assert.Equal(["population"], Problems.ErrorFields(errors));
    }

    [Fact]
    public void Figures_are_judged_on_their_own_whatever_else_the_request_got_wrong()
    {
        var errors = new ValidationErrors();
        errors.Add("year", "year must be a year from 2000 to 2027.");

        Assert.NotNull(BaselineFigures.Validate(1_250_000m, 412_000m, 360_000m, 9_000m, 18_750m, errors));
        Assert.Equal(["year"], Problems.ErrorFields(errors));
    }
}
