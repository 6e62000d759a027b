using System.Net.Http.Json;
using CountyTech.Testing;
using System.Net;
using System.Text.Json;

namespace CountyTech.Platform.Tests;

/// <summary>
/// A department app registers, approves, funds and accepts projects through the gateway, the statistics bureau enters
/// the baselines, and the indicators come back with exact values. Years 2019–2020 belong to this test alone.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectIndicatorsTests(PlatformFixture platform)
{
    private const int Year = 2020;

    [Fact]
    public async Task Project_work_and_baselines_become_the_county_indicators_with_previous_year_and_change()
    {
        var key = await platform.RegisterClientAsync("县科技局项目管理系统", "projects:read", "projects:write", "projects:review", "reporting:read", "reporting:write");
        using var app = platform.Gateway(key);
        var township = "城关镇" + Guid.NewGuid().ToString("N")[..4];

        // 2020: two upper-level approvals (provincial 120.5 + municipal 50), one county approval, two passed acceptances,
        // one variety and one technique. 2019: one national approval (200) and one county approval.
        var provincial = await SubmitAsync(app, "provincial", township);
        await StepAsync(app, provincial, "approval", new { approvedOn = "2020-03-10", fundingWan = 120.5 });
        await StepAsync(app, provincial, "disbursements", new { paidOn = "2020-04-01", amountWan = 60 });
        await StepAsync(app, provincial, "outcomes", new { kind = "variety", name = "渝薯17", recordedOn = "2020-06-01", demoAreaMu = 500 });
        await StepAsync(app, provincial, "outcomes", new { kind = "technique", name = "稻渔综合种养", recordedOn = "2020-07-01" });
        await StepAsync(app, provincial, "outcomes", new { kind = "technique", name = "果园生草栽培", recordedOn = "2021-01-05" });
        await StepAsync(app, provincial, "acceptance", new { acceptedOn = "2020-12-31", passed = true });

        var municipal = await SubmitAsync(app, "municipal", township);
        await StepAsync(app, municipal, "approval", new { approvedOn = "2020-08-08", fundingWan = 50 });

        var county = await SubmitAsync(app, "county", township);
        await StepAsync(app, county, "approval", new { approvedOn = "2020-05-01", fundingWan = 30 });
        await StepAsync(app, county, "acceptance", new { acceptedOn = "2020-12-15", passed = false });

        var national = await SubmitAsync(app, "national", township);
        await StepAsync(app, national, "approval", new { approvedOn = "2019-11-11", fundingWan = 200 });
        await StepAsync(app, national, "acceptance", new { acceptedOn = "2020-01-01", passed = true });

        var earlierCounty = await SubmitAsync(app, "county", township);
        await StepAsync(app, earlierCounty, "approval", new { approvedOn = "2019-02-02", fundingWan = 10 });

        var rejected = await SubmitAsync(app, "municipal", township);
        await StepAsync(app, rejected, "rejection", new { rejectedOn = "2020-04-01", reason = "不符合申报条件" });

        await app.PutAsync($"/api/v1/reporting/baselines/{Year}", JsonContent(new
        {
            gdpWan = 1250000, population = 420000, generalBudgetExpenditureWan = 350000, fiscalScienceExpenditureWan = 8750, rdExpenditureWan = 15000,
        })).JsonAsync(HttpStatusCode.OK);
        await app.PutAsync($"/api/v1/reporting/baselines/{Year - 1}", JsonContent(new
        {
            gdpWan = 1200000, population = 418000, generalBudgetExpenditureWan = 350000, fiscalScienceExpenditureWan = 7000, rdExpenditureWan = 12000,
        })).JsonAsync(HttpStatusCode.OK);

        var expected = new Dictionary<string, (decimal? Value, decimal? Previous, decimal? Change)>
        {
            ["upper_projects"] = (2, 1, 100),
            ["upper_funding"] = (170.5m, 200, -14.75m),
            ["county_projects"] = (1, 1, 0),
            ["projects_accepted"] = (2, 0, null),
            ["varieties_introduced"] = (1, 0, null),
            ["techniques_promoted"] = (1, 0, null),
            ["rd_expenditure"] = (15000, 12000, 25),
            ["rd_intensity"] = (1.2m, 1, 20),
            ["fiscal_st_share"] = (2.5m, 2, 25),
        };

        var indicators = await Eventually.UntilAsync(
            () => ReadIndicatorsAsync(app),
            read => expected.All(e => read.TryGetValue(e.Key, out var actual) && actual == e.Value),
            "the indicators to reflect every project step", TimeSpan.FromSeconds(60));

        foreach (var (code, values) in expected)
        {
            Assert.True(indicators.ContainsKey(code), $"indicator {code} is missing");
            Assert.Equal((code, values), (code, indicators[code]));
        }
    }

    [Fact]
    public async Task A_year_without_baselines_reports_null_ratios_not_zero()
    {
        var key = await platform.RegisterClientAsync("县统计局", "reporting:read");
        using var app = platform.Gateway(key);

        var indicators = await ReadIndicatorsAsync(app, 2001);

        Assert.Equal((null, null, null), indicators["rd_intensity"]);
        Assert.Equal((null, null, null), indicators["fiscal_st_share"]);
        Assert.Equal((0m, 0m, null), indicators["upper_projects"]);
    }

    private static async Task<Guid> SubmitAsync(HttpClient app, string level, string township)
    {
        var project = await app.PostAsJsonAsync("/api/v1/projects", new
        {
            title = $"{level} 科技项目",
            level,
            field = "agriculture",
            leadOrganization = "县农业技术推广中心",
            township,
            plannedStart = "2019-01-01",
            plannedEnd = "2021-12-31",
            budgetWan = 300,
        }).JsonAsync(HttpStatusCode.Created);
        return project.GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> StepAsync(HttpClient app, Guid project, string step, object body) =>
        app.PostAsJsonAsync($"/api/v1/projects/{project}/{step}", body).JsonAsync(HttpStatusCode.OK);

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    private static async Task<Dictionary<string, (decimal? Value, decimal? Previous, decimal? Change)>> ReadIndicatorsAsync(
        HttpClient app, int year = Year)
    {
        var report = await app.GetAsync($"/api/v1/reporting/indicators?year={year}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(year, report.GetProperty("year").GetInt32());
        return report.GetProperty("indicators").EnumerateArray().ToDictionary(
            i => i.GetProperty("code").GetString()!,
            i => (Number(i, "value"), Number(i, "previousValue"), Number(i, "yoyChangePercent")));
    }

    private static decimal? Number(JsonElement indicator, string property) =>
        indicator.GetProperty(property).ValueKind == JsonValueKind.Null ? null : indicator.GetProperty(property).GetDecimal();
}
