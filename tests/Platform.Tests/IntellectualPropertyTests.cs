using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The county's IP office records patents, technology contracts and achievements through the gateway: the statistics
/// bureau enters the population and the eight intellectual-property indicators come back with exact values; a patent
/// granted to an enterprise reaches its high-tech eligibility. Years 2013–2014 of the IP indicators and baselines belong
/// to the indicators test alone (no other test records IP work or baselines in them).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IntellectualPropertyTests(PlatformFixture platform)
{
    private const int Year = 2014;

    /// <summary>Makes this run's application and registration numbers its own.</summary>
    private readonly int _run = Random.Shared.Next(0, 1000);
    private int _serial;

    [Fact]
    public async Task Patents_contracts_and_achievements_become_the_county_ip_indicators()
    {
        var key = await platform.RegisterClientAsync("县知识产权服务站", "ip:read", "ip:write", "reporting:read", "reporting:write");
        using var app = platform.Gateway(key);
        var township = "城关镇" + Guid.NewGuid().ToString("N")[..4];

        // 2014: filed B, C, D, F (inventions B, F); granted A, B, C (inventions A, B); B lapses on 12-31, so the
        // inventions in force at the end of 2014 are A (granted on 12-31) and E. 2013: filed A; granted E; in force E.
        var a = await FileAsync(app, "invention", '1', township, "2013-03-01");
        await StepAsync(app, a, "grant", new { grantedOn = "2014-12-31" });
        var b = await FileAsync(app, "invention", '8', township, "2014-01-01");
        await StepAsync(app, b, "grant", new { grantedOn = "2014-06-01" });
        await StepAsync(app, b, "lapse", new { lapsedOn = "2014-12-31" });
        var c = await FileAsync(app, "utility-model", '2', township, "2014-05-05");
        await StepAsync(app, c, "grant", new { grantedOn = "2014-11-11" });
        var d = await FileAsync(app, "design", '3', township, "2014-12-31");
        await StepAsync(app, d, "rejection", new { rejectedOn = "2015-02-01" });
        var e = await FileAsync(app, "invention", '1', township, "2012-06-01");
        await StepAsync(app, e, "grant", new { grantedOn = "2013-06-01" });
        await StepAsync(app, e, "lapse", new { lapsedOn = "2015-01-01" });
        await FileAsync(app, "invention", '1', township, "2014-02-02");

        await RegisterAsync(app, "technology-contracts", Contract("development", 85.5m, "2014-03-01"));
        await RegisterAsync(app, "technology-contracts", Contract("service", 14.5m, "2014-12-31"));
        await RegisterAsync(app, "technology-contracts", Contract("transfer", 50m, "2013-07-01"));
        foreach (var (type, registeredOn) in new[] { ("applied", "2014-01-01"), ("basic", "2014-06-30"), ("soft-science", "2014-12-31"), ("applied", "2013-05-05"), ("applied", "2013-12-31") })
        {
            await RegisterAsync(app, "achievements", new { registrationNo = NextRegistrationNo(), title = "高山茶园病虫害绿色防控技术", type, registeredOn, holderName = "县茶叶产业发展中心" });
        }

        await PutBaselineAsync(app, Year, population: 400_000);
        await PutBaselineAsync(app, Year - 1, population: 500_000);

        var expected = new Dictionary<string, (decimal? Value, decimal? Previous, decimal? Change)>
        {
            ["patent_applications"] = (4, 1, 300),
            ["invention_applications"] = (2, 1, 100),
            ["patent_grants"] = (3, 1, 200),
            ["invention_grants"] = (2, 1, 100),
            ["invention_patents_per_10k"] = (0.05m, 0.02m, 150),
            ["tech_contracts"] = (2, 1, 100),
            ["tech_contract_turnover"] = (100, 50, 100),
            ["achievements_registered"] = (3, 2, 50),
        };
        var indicators = await Eventually.UntilAsync(
            () => ReadIndicatorsAsync(app),
            read => expected.All(x => read.TryGetValue(x.Key, out var actual) && actual == x.Value),
            "the IP indicators to reflect every record", TimeSpan.FromSeconds(60));
        foreach (var (code, values) in expected)
        {
            Assert.Equal((code, values), (code, indicators[code]));
        }

        var series = await app.GetAsync("/api/v1/reporting/indicators/patent_grants?from=2013&to=2014&by=township").JsonAsync(HttpStatusCode.OK);
        var mine = Assert.Single(series.GetProperty("series").EnumerateArray(), t => t.GetProperty("township").GetString() == township);
        Assert.Equal([(2013, 1m), (2014, 3m)],
            mine.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("year").GetInt32(), p.GetProperty("value").GetDecimal())));
    }

    [Fact]
    public async Task A_client_with_ip_read_lists_patents_but_cannot_record_one()
    {
        var key = await platform.RegisterClientAsync("市知识产权局数据平台", "ip:read");
        using var city = platform.Gateway(key);

        await city.GetAsync("/api/v1/ip/patents?status=granted&type=invention").JsonAsync(HttpStatusCode.OK);
        var refused = await city.PostAsJsonAsync("/api/v1/ip/patents", new { applicationNo = "201710601862.3" });

        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_patent_granted_to_an_enterprise_makes_it_own_granted_ip_and_its_lapse_undoes_that()
    {
        var key = await platform.RegisterClientAsync("县知识产权服务站（企业专利）", "ip:write", "enterprises:read", "enterprises:write");
        using var app = platform.Gateway(key);
        var creditCode = CreditCodes.NewValid();
        var enterprise = await app.PostAsJsonAsync("/api/v1/enterprises", new
        {
            creditCode, name = "某某新材料有限公司", industry = "新材料", township = "城关镇", registeredOn = "2015-01-01", aboveDesignatedSize = true,
        }).JsonAsync(HttpStatusCode.Created);
        var id = enterprise.GetProperty("id").GetString()!;
        Assert.Equal((0m, false), await OwnsGrantedIpAsync(app, id, 2016));

        var patent = await FileAsync(app, "invention", '1', "城关镇", "2015-03-01", creditCode.ToLowerInvariant());
        await StepAsync(app, patent, "grant", new { grantedOn = "2016-05-01" });

        await Eventually.UntilAsync(() => OwnsGrantedIpAsync(app, id, 2016), owns => owns == (1m, true),
            "the enterprise to own the granted patent", TimeSpan.FromSeconds(60));
        Assert.Equal((0m, false), await OwnsGrantedIpAsync(app, id, 2015));

        await StepAsync(app, patent, "lapse", new { lapsedOn = "2016-12-31" });

        await Eventually.UntilAsync(() => OwnsGrantedIpAsync(app, id, 2016), owns => owns == (0m, false),
            "the lapse on 12-31 to leave no patent in force at the end of 2016", TimeSpan.FromSeconds(60));
    }

    /// <summary>The "owns granted IP" criterion of the enterprise's high-tech eligibility for <paramref name="year"/>: patents in force, met.</summary>
    private static async Task<(decimal Actual, bool Met)> OwnsGrantedIpAsync(HttpClient app, string enterprise, int year)
    {
        var eligibility = await app.GetAsync($"/api/v1/enterprises/{enterprise}/high-tech-eligibility?year={year}").JsonAsync(HttpStatusCode.OK);
        var criterion = eligibility.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("criterion").GetString() == "owns-granted-ip");
        return (criterion.GetProperty("actual").GetDecimal(), criterion.GetProperty("met").GetBoolean());
    }

    private string NextRegistrationNo() => $"2014-{_run:D3}-{++_serial:D4}";

    private object Contract(string type, decimal amountWan, string signedOn) => new
    {
        registrationNo = NextRegistrationNo(), type, amountWan, signedOn, sellerName = "县农业科学研究所", buyerName = "某茶业有限公司",
    };

    private async Task<Guid> FileAsync(HttpClient app, string type, char digit, string township, string filedOn, string? applicantCreditCode = null)
    {
        var digits = $"{filedOn[..4]}{digit}{_run:D3}{++_serial:D4}";
        var patent = await app.PostAsJsonAsync("/api/v1/ip/patents", new
        {
            applicationNo = $"{digits}.{BureauRules.PatentApplicationNumber.CheckCharacter(digits)}",
            title = "一种茶叶揉捻装置",
            type,
            applicantName = "某茶业科技有限公司",
            applicantCreditCode,
            township,
            filedOn,
        }).JsonAsync(HttpStatusCode.Created);
        return patent.GetProperty("id").GetGuid();
    }

    private static Task<JsonElement> StepAsync(HttpClient app, Guid patent, string step, object body) =>
        app.PostAsJsonAsync($"/api/v1/ip/patents/{patent}/{step}", body).JsonAsync(HttpStatusCode.OK);

    private static Task<JsonElement> RegisterAsync(HttpClient app, string collection, object body) =>
        app.PostAsJsonAsync($"/api/v1/ip/{collection}", body).JsonAsync(HttpStatusCode.Created);

    private static Task<JsonElement> PutBaselineAsync(HttpClient app, int year, int population) =>
        app.PutAsJsonAsync($"/api/v1/reporting/baselines/{year}", new
        {
            gdpWan = 1_000_000, population, generalBudgetExpenditureWan = 300_000, fiscalScienceExpenditureWan = 6_000, rdExpenditureWan = 10_000,
        }).JsonAsync(HttpStatusCode.OK);

    private static async Task<Dictionary<string, (decimal? Value, decimal? Previous, decimal? Change)>> ReadIndicatorsAsync(HttpClient app)
    {
        var report = await app.GetAsync($"/api/v1/reporting/indicators?year={Year}").JsonAsync(HttpStatusCode.OK);
        return report.GetProperty("indicators").EnumerateArray().ToDictionary(
            i => i.GetProperty("code").GetString()!,
            i => (Number(i, "value"), Number(i, "previousValue"), Number(i, "yoyChangePercent")));
    }

    private static decimal? Number(JsonElement indicator, string property) =>
        indicator.GetProperty(property).ValueKind == JsonValueKind.Null ? null : indicator.GetProperty(property).GetDecimal();
}
