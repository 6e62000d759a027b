using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.BureauRules;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The bureau records its talent work through the gateway (experts, commissioners with service and departures, bases,
/// households, trainings), a township official lists the commissioners in post today, and Reporting answers the eight
/// talent indicators with exact values. Talent records belong to this test alone (no other platform test writes any).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TalentIndicatorsTests(PlatformFixture platform)
{
    private const int Year = 2022;
    private static readonly DateOnly Today = BureauCalendar.Today(TimeProvider.System);

    [Fact]
    public async Task Talent_work_becomes_the_county_indicators_and_a_township_sees_its_commissioners_in_post()
    {
        var key = await platform.RegisterClientAsync("县科技局人才工作系统", "talent:read", "talent:write", "reporting:read");
        using var app = platform.Gateway(key);
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var (east, west) = ("城关镇" + suffix, "石门乡" + suffix);

        // Commissioners: in post on 2021-01-01 four (c1, c4, c6, c7), on 2022-01-01 four (c1, c2, c6, c7);
        // departures in 2021 one (c4 on 12-31), in 2022 two (c1; c3 on 12-31, dispatched on 2022-01-01).
        var c1 = await DispatchAsync(app, east, "2020-03-01");
        var c2 = await DispatchAsync(app, east, "2021-12-31");
        var c3 = await DispatchAsync(app, west, "2022-01-01");
        var c4 = await DispatchAsync(app, west, "2020-05-01");
        var c5 = await DispatchAsync(app, east, "2022-01-01");
        var c6 = await DispatchAsync(app, east, "2019-01-01");
        await DispatchAsync(app, west, "2020-07-01");
        await PostAsync(app, $"commissioners/{c1}/service-logs", new { servedOn = "2022-06-30", days = 100, farmersServed = 300 }, HttpStatusCode.OK);
        await PostAsync(app, $"commissioners/{c6}/service-logs", new { servedOn = Today, days = 1, farmersServed = 8 }, HttpStatusCode.OK);
        await DepartAsync(app, c1, "2022-06-30");
        await DepartAsync(app, c3, "2022-12-31");
        await DepartAsync(app, c4, "2021-12-31");

        await IntroduceAsync(app, "2021-06-01");
        await IntroduceAsync(app, "2022-03-01");
        await IntroduceAsync(app, "2022-11-11");
        await CertifyBaseAsync(app, east, "2020-05-01");
        await CertifyBaseAsync(app, west, "2022-12-31");
        await CertifyBaseAsync(app, east, "2023-01-01");
        await CertifyHouseholdAsync(app, east, "2021-03-01", c1);
        await CertifyHouseholdAsync(app, west, "2022-07-01", null);
        await CertifyHouseholdAsync(app, east, "2022-08-01", c5);
        await TrainAsync(app, east, "2021-10-10", 3, 150);
        await TrainAsync(app, east, "2022-03-05", 2, 120);
        await TrainAsync(app, west, "2022-12-31", 1, 45);
        await TrainAsync(app, west, "2023-01-01", 5, 500);

        var inPost = await app.GetAsync($"/api/v1/talent/commissioners?township={Uri.EscapeDataString(east)}&status=in-post").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            [(c5, 0), (c2, 0), (c6, 1)],
            inPost.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("id").GetGuid(), c.GetProperty("daysServedThisYear").GetInt32())));

        var expected = new Dictionary<string, (decimal? Value, decimal? Previous, decimal? Change)>
        {
            ["experts_introduced"] = (2, 1, 100),
            ["commissioners_dispatched"] = (2, 1, 100),
            ["commissioners_active"] = (4, 4, 0),
            ["commissioner_turnover"] = (50, 25, 100),
            ["demo_bases"] = (2, 1, 100),
            ["demo_households"] = (3, 1, 200),
            ["training_sessions"] = (3, 3, 0),
            ["training_participants"] = (165, 150, 10),
        };
        var indicators = await Eventually.UntilAsync(
            () => ReadIndicatorsAsync(app),
            read => expected.All(e => read.TryGetValue(e.Key, out var actual) && actual == e.Value),
            "the talent indicators to reflect every record", TimeSpan.FromSeconds(60));
        foreach (var (code, values) in expected)
        {
            Assert.Equal((code, values), (code, indicators[code]));
        }

        var active = await app.GetAsync($"/api/v1/reporting/indicators/commissioners_active?from={Year}&to={Year}&by=township").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            [(east, 3m), (west, 1m)],
            active.GetProperty("series").EnumerateArray().Select(s => (s.GetProperty("township").GetString()!, s.GetProperty("points")[0].GetProperty("value").GetDecimal())));
        var none = await app.GetAsync("/api/v1/reporting/indicators/commissioner_turnover?from=2010&to=2010").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("series")[0].GetProperty("points")[0].GetProperty("value").ValueKind);
    }

    private static async Task<Guid> PostAsync(HttpClient app, string collection, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var created = await app.PostAsJsonAsync($"/api/v1/talent/{collection}", body).JsonAsync(expected);
        return created.GetProperty("id").GetGuid();
    }

    private static Task<Guid> DispatchAsync(HttpClient app, string township, string dispatchedOn) =>
        PostAsync(app, "commissioners", new { name = "特派员", specialty = "茶叶栽培", township, village = "茶园村", dispatchingUnit = "县农业技术推广中心", dispatchedOn });

    private static Task<Guid> DepartAsync(HttpClient app, Guid commissioner, string leftOn) =>
        PostAsync(app, $"commissioners/{commissioner}/departure", new { leftOn, reason = "任期届满" }, HttpStatusCode.OK);

    private static Task<Guid> IntroduceAsync(HttpClient app, string introducedOn) =>
        PostAsync(app, "experts", new { name = "专家", institution = "湖南农业大学", field = "茶叶加工", introducedOn, agreementEnd = "2025-12-31" });

    private static Task<Guid> CertifyBaseAsync(HttpClient app, string township, string certifiedOn) =>
        PostAsync(app, "demonstration-bases", new { name = "示范基地" + certifiedOn, township, industry = "茶叶", areaMu = 200.5, certifiedOn });

    private static Task<Guid> CertifyHouseholdAsync(HttpClient app, string township, string certifiedOn, Guid? commissionerId) =>
        PostAsync(app, "demonstration-households", new { name = "示范户", township, certifiedOn, householdsReached = 10, commissionerId });

    private static Task<Guid> TrainAsync(HttpClient app, string township, string heldOn, int sessions, int participants) =>
        PostAsync(app, "trainings", new { title = "实用技术培训", township, heldOn, sessions, participants });

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
