using CountyTech.BureauRules;
using CountyTech.Reporting.Apis;
using CountyTech.Reporting.Domain;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>The OpenAPI document's examples pass the service's own checks and agree with each other.</summary>
public class ReportingExamplesTests
{
    [Fact]
    public void The_baseline_example_passes_the_checks_and_feeds_the_indicators_shown()
    {
        var errors = new ValidationErrors();
        var request = (BaselineRequest)ReportingExamples.All[typeof(BaselineRequest)];

        var figures = BaselineFigures.Validate(request.GdpWan, request.Population, request.GeneralBudgetExpenditureWan,
            request.FiscalScienceExpenditureWan, request.RdExpenditureWan, errors);

        Assert.True(errors.IsValid, string.Join("; ", Problems.ErrorFields(errors)));
        var shown = ((IndicatorsResponse)ReportingExamples.All[typeof(IndicatorsResponse)]).Indicators.ToDictionary(i => i.Code, i => i.Value);
        Assert.Equal(IndicatorMath.Percent(figures!.RdExpenditureWan, figures.GdpWan), shown["rd_intensity"]);
        Assert.Equal(IndicatorMath.Percent(figures.FiscalScienceExpenditureWan, figures.GeneralBudgetExpenditureWan), shown["fiscal_st_share"]);
    }
}
