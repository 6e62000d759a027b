using System.Net;
using System.Text.Json;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>Indicators computed from events published through the real broker and baselines entered over the API.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class IndicatorsApiTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task Indicators_of_a_year_and_the_year_before_come_from_business_dates_and_baselines()
    {
        await Service.DeliverAsync(ProjectHistory.Of(2021, Township));
        await PutBaselineAsync(2021, 1_250_000m, 412_000, 360_000m, 9_000m, 18_750m);
        await PutBaselineAsync(2020, 1_200_000m, 410_000, 350_000m, 7_000m, 15_000m);

        var indicators = await IndicatorsAsync(2021);

        Assert.Equal(["year", "asOf", "indicators"], indicators.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2021, indicators.GetProperty("year").GetInt32());
        Assert.True(indicators.GetProperty("asOf").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(IndicatorsMd.Codes, indicators.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));

        var intensity = Indicator(indicators, "rd_intensity");
        Assert.Equal(
            ["code", "nameZh", "nameEn", "unit", "kind", "value", "previousValue", "yoyChangePercent", "formula"],
            intensity.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("R&D经费投入强度", "%", "ratio"),
            (intensity.GetProperty("nameZh").GetString(), intensity.GetProperty("unit").GetString(), intensity.GetProperty("kind").GetString()));
        Assert.Equal("flow", Indicator(indicators, "upper_funding").GetProperty("kind").GetString());

        AssertIndicator(indicators, "rd_expenditure", 18_750m, 15_000m, 25m);
        AssertIndicator(indicators, "rd_intensity", 1.5m, 1.25m, 20m);
        AssertIndicator(indicators, "fiscal_st_share", 2.5m, 2m, 25m);
        AssertProjectHistory(indicators);
        Assert.Equal(("2", "1.5", "150.75", "201.5"),
            (Indicator(indicators, "upper_projects").GetProperty("value").GetRawText(),
                Indicator(indicators, "rd_intensity").GetProperty("value").GetRawText(),
                Indicator(indicators, "upper_funding").GetProperty("value").GetRawText(),
                Indicator(indicators, "upper_funding").GetProperty("yoyChangePercent").GetRawText()));
    }

    [Fact]
    public async Task A_year_without_a_baseline_has_null_baseline_indicators_and_real_zero_flows()
    {
        await PutBaselineAsync(2016, 1_000_000m, 400_000, 300_000m, 6_000m, 12_000m);

        var indicators = await IndicatorsAsync(2017);

        AssertIndicator(indicators, "rd_expenditure", null, 12_000m, null);
        AssertIndicator(indicators, "rd_intensity", null, 1.2m, null);
        AssertIndicator(indicators, "fiscal_st_share", null, 2m, null);
        AssertIndicator(indicators, "upper_projects", 0m, 0m, null);
        AssertIndicator(indicators, "upper_funding", 0m, 0m, null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?year=")]
    [InlineData("?year=abc")]
    [InlineData("?year=1999")]
    [InlineData("?year=2100")]
    public async Task The_year_is_required_and_must_be_a_sensible_year(string query)
    {
        var problem = await Client.GetAsync("/api/v1/reporting/indicators" + query).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["year"], Problems.ErrorFields(problem));
    }

    [Fact]
    public async Task A_series_runs_year_by_year_for_the_county_or_by_township()
    {
        var otherTownship = Township + "东";
        await Service.DeliverAsync(ProjectHistory.Of(2019, Township).Concat(ProjectHistory.Of(2019, otherTownship)));

        var county = await GetOkAsync("/api/v1/reporting/indicators/upper_funding?from=2017&to=2019");
        Assert.Equal(county.GetRawText(), (await GetOkAsync("/api/v1/reporting/indicators/upper_funding?from=2017&to=2019&by=county")).GetRawText());
        Assert.Equal(
            ["code", "nameZh", "nameEn", "unit", "kind", "formula", "from", "to", "by", "series"],
            county.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("upper_funding", 2017, 2019, "county"),
            (county.GetProperty("code").GetString(), county.GetProperty("from").GetInt32(), county.GetProperty("to").GetInt32(),
                county.GetProperty("by").GetString()));
        var countySeries = Assert.Single(county.GetProperty("series").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, countySeries.GetProperty("township").ValueKind);
        Assert.Equal([(2017, 0m), (2018, 100m), (2019, 301.5m)], Points(countySeries));

        var byTownship = await GetOkAsync("/api/v1/reporting/indicators/upper_funding?from=2018&to=2019&by=township");
        Assert.Equal("township", byTownship.GetProperty("by").GetString());
        var series = byTownship.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([Township, otherTownship], series.Select(s => s.GetProperty("township").GetString()));
        Assert.All(series, s => Assert.Equal([(2018, 50m), (2019, 150.75m)], Points(s)));

        var baselineSeries = await GetOkAsync("/api/v1/reporting/indicators/rd_intensity?from=2018&to=2019");
        Assert.All(Assert.Single(baselineSeries.GetProperty("series").EnumerateArray()).GetProperty("points").EnumerateArray(),
            p => Assert.Equal(JsonValueKind.Null, p.GetProperty("value").ValueKind));
    }

    [Theory]
    [InlineData("rd_intensity?from=2018&to=2019&by=township", "by")]
    [InlineData("commissioner_turnover?from=2018&to=2019&by=township", "by")]
    [InlineData("invention_patents_per_10k?from=2018&to=2019&by=township", "by")]
    [InlineData("experts_introduced?from=2018&to=2019&by=township", "by")]
    [InlineData("upper_projects?from=2018&to=2019&by=County", "by")]
    [InlineData("rd_expenditure?from=2018&to=2019&by=township", "by")]
    [InlineData("upper_projects?from=2018&to=2019&by=village", "by")]
    [InlineData("upper_projects?from=2019&to=2018", "to")]
    [InlineData("upper_projects?to=2019", "from")]
    [InlineData("upper_projects?from=2019", "to")]
    [InlineData("upper_projects?from=1990&to=2019", "from")]
    public async Task A_bad_range_or_breakdown_is_400(string pathAndQuery, string field)
    {
        var problem = await Client.GetAsync("/api/v1/reporting/indicators/" + pathAndQuery).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, Problems.ErrorFields(problem));
    }

    [Fact]
    public async Task An_unknown_indicator_is_404()
    {
        var problem = await Client.GetAsync("/api/v1/reporting/indicators/gdp_per_capita?from=2018&to=2019").ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Unknown indicator", problem.GetProperty("title").GetString());
    }

    private static List<(int, decimal?)> Points(JsonElement series) =>
        series.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("year").GetInt32(), Number(p.GetProperty("value"))))
            .ToList();
}
