using System.Net;
using System.Net.Http.Json;
using System.Text;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>The baselines entered by hand from the statistics and finance bureaus.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class BaselinesApiTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task A_baseline_is_stored_returned_and_replaced()
    {
        var response = await Client.PutAsJsonAsync("/api/v1/reporting/baselines/2022", new
        {
            gdpWan = 1_385_600.5m,
            population = 412_300,
            generalBudgetExpenditureWan = 365_000m,
            fiscalScienceExpenditureWan = 9_125.25m,
            rdExpenditureWan = 20_784m,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await ReportingServiceFactory.BodyAsync(response);
        Assert.Equal(
            ["year", "gdpWan", "population", "generalBudgetExpenditureWan", "fiscalScienceExpenditureWan", "rdExpenditureWan", "updatedAt"],
            stored.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2022, 1_385_600.5m, 412_300, 365_000m, 9_125.25m, 20_784m),
            (stored.GetProperty("year").GetInt32(), stored.GetProperty("gdpWan").GetDecimal(), stored.GetProperty("population").GetInt32(),
                stored.GetProperty("generalBudgetExpenditureWan").GetDecimal(), stored.GetProperty("fiscalScienceExpenditureWan").GetDecimal(),
                stored.GetProperty("rdExpenditureWan").GetDecimal()));
        Assert.Equal(stored.GetRawText(), (await GetOkAsync("/api/v1/reporting/baselines/2022")).GetRawText());

        await PutBaselineAsync(2022, 1_400_000m, 412_500, 370_000m, 9_250m, 21_000m);

        var replaced = await GetOkAsync("/api/v1/reporting/baselines/2022");
        Assert.Equal((1_400_000m, 412_500, 21_000m),
            (replaced.GetProperty("gdpWan").GetDecimal(), replaced.GetProperty("population").GetInt32(),
                replaced.GetProperty("rdExpenditureWan").GetDecimal()));
        AssertIndicator(await IndicatorsAsync(2022), "rd_intensity", 1.5m, null, null);
    }

    [Fact]
    public async Task Concurrent_puts_for_a_new_year_all_succeed_and_one_of_them_is_stored()
    {
        var puts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Client.PutAsJsonAsync("/api/v1/reporting/baselines/2001", new
        {
            gdpWan = 500_000m + i,
            population = 300_000 + i,
            generalBudgetExpenditureWan = 150_000m,
            fiscalScienceExpenditureWan = 2_000m,
            rdExpenditureWan = 4_000m + i,
        })));

        Assert.All(puts, put => Assert.Equal(HttpStatusCode.OK, put.StatusCode));
        var answered = await Task.WhenAll(puts.Select(async put => (await ReportingServiceFactory.BodyAsync(put)).GetRawText()));
        Assert.Equal(8, answered.Distinct().Count());
        Assert.Contains((await GetOkAsync("/api/v1/reporting/baselines/2001")).GetRawText(), answered);
    }

    [Fact]
    public async Task A_year_without_a_baseline_is_404()
    {
        var problem = await Client.GetAsync("/api/v1/reporting/baselines/2003").ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Baseline not found", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{}""", "gdpWan,population,generalBudgetExpenditureWan,fiscalScienceExpenditureWan,rdExpenditureWan")]
    [InlineData("""null""", "gdpWan,population,generalBudgetExpenditureWan,fiscalScienceExpenditureWan,rdExpenditureWan")]
    [InlineData("""{"gdpWan":-1,"population":412000,"generalBudgetExpenditureWan":360000,"fiscalScienceExpenditureWan":9000,"rdExpenditureWan":18750}""", "gdpWan")]
    [InlineData("""{"gdpWan":1250000,"population":412000.5,"generalBudgetExpenditureWan":360000,"fiscalScienceExpenditureWan":9000,"rdExpenditureWan":18750}""", "population")]
    [InlineData("""{"gdpWan":1250000,"population":0,"generalBudgetExpenditureWan":360000,"fiscalScienceExpenditureWan":9000,"rdExpenditureWan":0}""", "population,rdExpenditureWan")]
    [InlineData("""{"gdpWan":1250000,"population":412000,"generalBudgetExpenditureWan":360000,"fiscalScienceExpenditureWan":400000,"rdExpenditureWan":18750}""", "fiscalScienceExpenditureWan")]
    public async Task Invalid_figures_are_400_with_an_error_per_field(string body, string fields)
    {
        var problem = await Client.PutAsync("/api/v1/reporting/baselines/2022", new StringContent(body, Encoding.UTF8, "application/json"))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(fields.Split(',').Order(StringComparer.Ordinal), Problems.ErrorFields(problem));
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("3000")]
    [InlineData("twenty")]
    public async Task A_year_outside_the_reporting_years_is_400(string year)
    {
        var put = await Client.PutAsJsonAsync($"/api/v1/reporting/baselines/{year}", new
        {
            gdpWan = 1_250_000, population = 412_000, generalBudgetExpenditureWan = 360_000,
            fiscalScienceExpenditureWan = 9_000, rdExpenditureWan = 18_750,
        }).ProblemAsync(HttpStatusCode.BadRequest);
        var get = await Client.GetAsync($"/api/v1/reporting/baselines/{year}").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["year"], Problems.ErrorFields(put));
        Assert.Equal(["year"], Problems.ErrorFields(get));
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        var problem = await Client.PutAsync("/api/v1/reporting/baselines/2022",
            new StringContent("""{"gdpWan": "a lot"}""", Encoding.UTF8, "application/json")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["gdpWan"], Problems.ErrorFields(problem));
    }
}
