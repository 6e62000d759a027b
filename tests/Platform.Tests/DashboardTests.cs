using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using CountyTech.Testing;
using Microsoft.Playwright;

namespace CountyTech.Platform.Tests;

/// <summary>
/// A department head opens <c>/dashboard/</c> at the gateway in a real browser (Debian's headless Chromium driven by
/// Playwright), enters a key with <c>reporting:read</c>, and sees the key indicators and their charts, which must show
/// exactly what the API answers. Years 2003–2007 belong to this test alone.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DashboardTests(PlatformFixture platform)
{
    /// <summary>Debian's <c>chromium</c> package (installed by <c>.ci/prerequisites</c>): Playwright downloads no browser.</summary>
    private const string Chromium = "/usr/bin/chromium";
    private const int Year = 2007;

    [Fact]
    public async Task The_page_and_its_chart_library_are_served_without_a_key_and_the_data_still_needs_one()
    {
        using var anonymous = platform.Gateway();

        using var page = await anonymous.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("县科技创新指标看板", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", Assert.Single(page.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);

        using var library = await anonymous.GetAsync("/dashboard/lib/echarts.min.js");
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("echarts", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var noSlash = await anonymous.GetAsync("/dashboard");
        Assert.Equal("/dashboard/", noSlash.RequestMessage?.RequestUri?.AbsolutePath);
        await anonymous.GetAsync("/dashboard/missing.js").ProblemAsync(HttpStatusCode.Unauthorized);
        await anonymous.GetAsync("/api/v1/reporting/status").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task In_a_browser_the_key_opens_the_board_and_the_charts_show_what_the_api_answers()
    {
        var township = "看板镇" + Guid.NewGuid().ToString("N")[..4];
        using var app = platform.Gateway(await platform.RegisterClientAsync("县科技局项目管理系统", "projects:write", "projects:review", "reporting:read"));
        await ApproveAsync(app, township, "provincial", $"{Year}-04-01", 66.6m);
        await ApproveAsync(app, township, "municipal", $"{Year - 2}-05-05", 20m);
        var key = await platform.RegisterClientAsync("县科技局局长", "reporting:read");
        using var reader = platform.Gateway(key);
        await Eventually.UntilAsync(
            async () => await reader.GetAsync($"/api/v1/reporting/indicators/upper_funding?from={Year}&to={Year}").JsonAsync(HttpStatusCode.OK),
            series => series.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value").GetDecimal() == 66.6m,
            "the approvals to reach the indicators", TimeSpan.FromSeconds(60));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(platform.App.GetEndpoint("gateway", "http"), $"/dashboard/?year={Year}").ToString());
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        // The page marks the body with the year once its figures, charts and status are drawn (selectors, not script:
        // the page's Content-Security-Policy forbids evaluating strings).
        await page.WaitForSelectorAsync($"body[data-year='{Year}']", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.Equal(13, await page.Locator("[data-chart][data-ready]").CountAsync());
        Assert.False(await page.IsVisibleAsync("#key-form"));
        Assert.Equal("", await page.InputValueAsync("#api-key"));

        Assert.Equal(key, await page.EvaluateAsync<string>("sessionStorage.getItem('countytech.dashboard.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Empty(await page.Context.CookiesAsync());

        var indicators = (await reader.GetAsync($"/api/v1/reporting/indicators?year={Year}").JsonAsync(HttpStatusCode.OK))
            .GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("code").GetString()!);
        var cards = await page.EvalOnSelectorAllAsync<string[][]>(
            ".figure", "cards => cards.map(c => [c.dataset.code, c.querySelector('.value').dataset.value, c.querySelector('.value').textContent])");
        Assert.Equal(12, cards.Length);
        foreach (var card in cards)
        {
            var value = indicators[card[0]].GetProperty("value");
            Assert.Equal((card[0], value.ValueKind == JsonValueKind.Null ? "" : value.GetDecimal().ToString(CultureInfo.InvariantCulture)),
                (card[0], card[1]));
            Assert.Equal(value.ValueKind == JsonValueKind.Null, card[2] == "尚未报送");
        }

        Assert.Equal("66.6 万元", cards.Single(c => c[0] == "upper_funding")[2]);
        foreach (var code in cards.Select(c => c[0]))
        {
            var api = await reader.GetAsync($"/api/v1/reporting/indicators/{code}?from={Year - 4}&to={Year}").JsonAsync(HttpStatusCode.OK);
            Assert.Equal((code, string.Join(", ", Points(api.GetProperty("series")[0]))), (code, string.Join(", ", await ChartAsync(page, code))));
        }

        Assert.Equal([(Year - 4, 0m), (Year - 3, 0m), (Year - 2, 20m), (Year - 1, 0m), (Year, 66.6m)], await ChartAsync(page, "upper_funding"));
        var byTownship = await reader.GetAsync($"/api/v1/reporting/indicators/upper_funding?from={Year}&to={Year}&by=township")
            .JsonAsync(HttpStatusCode.OK);
        var townshipChart = await page.EvaluateAsync<JsonElement>(
            "(() => { const o = echarts.getInstanceByDom(document.getElementById('township-chart')).getOption();" +
            " return { townships: o.xAxis[0].data, values: o.series[0].data }; })()");
        Assert.Equal(byTownship.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("township").GetString()),
            townshipChart.GetProperty("townships").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(byTownship.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("points")[0].GetProperty("value").GetDecimal()),
            townshipChart.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()));
        Assert.Contains(township, townshipChart.GetProperty("townships").EnumerateArray().Select(t => t.GetString()));

        await page.ClickAsync(".figure[data-code=upper_funding] button.info");
        Assert.Equal(indicators["upper_funding"].GetProperty("formula").GetString(), await page.TextContentAsync("#definition-formula"));
        Assert.True(await page.IsVisibleAsync("#definition"));

        var status = await reader.GetAsync("/api/v1/reporting/status").JsonAsync(HttpStatusCode.OK);
        var shown = long.Parse(await page.GetAttributeAsync("#status", "data-events-processed") ?? "-1", CultureInfo.InvariantCulture);
        Assert.InRange(shown, 1, status.GetProperty("eventsProcessed").GetInt64());
        Assert.StartsWith("数据更新于", await page.TextContentAsync("#freshness"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_reporting_read_is_sent_back_to_the_key_form()
    {
        var key = await platform.RegisterClientAsync("项目申报系统", "projects:read");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(platform.App.GetEndpoint("gateway", "http"), "/dashboard/").ToString());
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await page.WaitForSelectorAsync("#error:not([hidden])");

        Assert.Equal("该密钥没有 reporting:read 权限。", await page.TextContentAsync("#error"));
        Assert.True(await page.IsVisibleAsync("#key-form"));
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('countytech.dashboard.apiKey')"));
    }

    private static async Task<IReadOnlyList<(int Year, decimal? Value)>> ChartAsync(IPage page, string code)
    {
        var option = await page.EvaluateAsync<JsonElement>(
            "code => { const o = echarts.getInstanceByDom(document.querySelector(`[data-chart=\"${code}\"]`)).getOption();" +
            " return { years: o.xAxis[0].data, values: o.series[0].data }; }", code);
        return option.GetProperty("years").EnumerateArray()
            .Zip(option.GetProperty("values").EnumerateArray(),
                (year, value) => (int.Parse(year.GetString()!.TrimEnd('年'), CultureInfo.InvariantCulture),
                    value.ValueKind == JsonValueKind.Null ? (decimal?)null : value.GetDecimal()))
            .ToList();
    }

    private static IReadOnlyList<(int Year, decimal? Value)> Points(JsonElement series) =>
        series.GetProperty("points").EnumerateArray()
            .Select(p => (p.GetProperty("year").GetInt32(),
                p.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : p.GetProperty("value").GetDecimal()))
            .ToList();

    private static async Task ApproveAsync(HttpClient app, string township, string level, string approvedOn, decimal fundingWan)
    {
        var project = await app.PostAsJsonAsync("/api/v1/projects", new
        {
            title = "看板测试项目", level, field = "agriculture", leadOrganization = "县农业技术推广中心", township,
            plannedStart = "2003-01-01", plannedEnd = "2008-12-31", budgetWan = 100,
        }).JsonAsync(HttpStatusCode.Created);
        await app.PostAsJsonAsync($"/api/v1/projects/{project.GetProperty("id").GetGuid()}/approval", new { approvedOn, fundingWan })
            .JsonAsync(HttpStatusCode.OK);
    }
}
