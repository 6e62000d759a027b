using System.Net;
using System.Text.Json;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>The eight intellectual-property indicators from events published through the real broker and the population baseline.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class IntellectualPropertyIndicatorsTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private Task PutPopulationAsync(int year, int population) =>
        PutBaselineAsync(year, 1_000_000m, population, 300_000m, 6_000m, 10_000m);

    private static void AssertIntellectualPropertyHistory(JsonElement indicators)
    {
        foreach (var (code, expected) in IntellectualPropertyHistory.Indicators)
        {
            AssertIndicator(indicators, code, expected.Value, expected.Previous, expected.Yoy);
        }
    }

    [Fact]
    public async Task The_eight_indicators_come_exactly_from_business_dates_and_the_population()
    {
        await Service.DeliverAsync(IntellectualPropertyHistory.Of(2021, Township));
        await PutPopulationAsync(2021, IntellectualPropertyHistory.Population);
        await PutPopulationAsync(2020, IntellectualPropertyHistory.PopulationBefore);

        var indicators = await IndicatorsAsync(2021);

        AssertIntellectualPropertyHistory(indicators);
        Assert.Equal(("0.05", "140.2575"),
            (Indicator(indicators, "invention_patents_per_10k").GetProperty("value").GetRawText(),
                Indicator(indicators, "tech_contract_turnover").GetProperty("value").GetRawText()));
    }

    [Fact]
    public async Task Invention_patents_per_10k_is_null_without_a_population_while_the_counts_are_known()
    {
        await Service.DeliverAsync(IntellectualPropertyHistory.Of(2021, Township));
        await PutPopulationAsync(2021, IntellectualPropertyHistory.Population);

        var indicators = await IndicatorsAsync(2021);

        AssertIndicator(indicators, "invention_patents_per_10k", 0.05m, null, null);
        AssertIndicator(indicators, "invention_grants", 2m, 1m, 100m);
        AssertIndicator(await IndicatorsAsync(2019), "invention_patents_per_10k", null, null, null);
        AssertIndicator(await IndicatorsAsync(2019), "patent_applications", 2m, 0m, null);
    }

    [Fact]
    public async Task Patent_flows_run_by_township_and_the_others_are_county_wide()
    {
        var otherTownship = Township + "东";
        await Service.DeliverAsync(IntellectualPropertyHistory.Of(2021, Township).Concat(IntellectualPropertyHistory.Of(2021, otherTownship)));

        var grants = await GetOkAsync("/api/v1/reporting/indicators/patent_grants?from=2020&to=2022&by=township");
        var series = grants.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([Township, otherTownship], series.Select(s => s.GetProperty("township").GetString()));
        Assert.All(series, s => Assert.Equal([(2020, 1m), (2021, 4m), (2022, 0m)], Points(s)));

        var applications = await GetOkAsync("/api/v1/reporting/indicators/invention_applications?from=2021&to=2022");
        Assert.Equal([(2021, 6m), (2022, 2m)], Points(Assert.Single(applications.GetProperty("series").EnumerateArray())));

        foreach (var code in new[] { "tech_contracts", "tech_contract_turnover", "achievements_registered", "invention_patents_per_10k" })
        {
            var problem = await Client.GetAsync($"/api/v1/reporting/indicators/{code}?from=2020&to=2021&by=township").ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["by"], Problems.ErrorFields(problem));
        }
    }

    private static List<(int, decimal?)> Points(JsonElement series) =>
        series.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("year").GetInt32(), Number(p.GetProperty("value"))))
            .ToList();
}
