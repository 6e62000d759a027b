using System.Text.Json;
using CountyTech.Contracts.Enterprises;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The enterprise indicators from the Enterprises service's events sent through the real broker: exact values at year
/// boundaries, the same under duplicates and in reverse order, series by township, null where no figures exist.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EnterpriseIndicatorsTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private static void AssertEnterpriseHistory(JsonElement indicators)
    {
        foreach (var (code, expected) in EnterpriseHistory.Indicators)
        {
            AssertIndicator(indicators, code, expected.Value, expected.Previous, expected.Yoy);
        }
    }

    [Fact]
    public async Task The_enterprise_history_gives_the_six_indicators_exactly_and_duplicates_change_nothing()
    {
        var history = EnterpriseHistory.Of(2016, Township);
        await Service.DeliverAsync(history);
        AssertEnterpriseHistory(await IndicatorsAsync(2016));
        var projections = await Service.ProjectionsAsync();

        await Service.DeliverAsync(history);

        AssertEnterpriseHistory(await IndicatorsAsync(2016));
        Assert.Equal(projections, await Service.ProjectionsAsync());
        Assert.Equal(history.Count, (await GetOkAsync("/api/v1/reporting/status")).GetProperty("eventsProcessed").GetInt64());
    }

    [Fact]
    public async Task Events_in_reverse_order_give_the_same_indicators()
    {
        await Service.DeliverAsync(EnterpriseHistory.Of(2018, Township).Reverse());

        AssertEnterpriseHistory(await IndicatorsAsync(2018));
    }

    [Fact]
    public async Task A_certificate_issued_2020_06_01_counts_at_the_end_of_2022_not_2023_and_one_revoked_on_december_31_not_that_year()
    {
        var kept = Guid.NewGuid();
        var revoked = Guid.NewGuid();
        var certified = new HighTechEnterpriseCertified(kept, "91350100M000100Y43", Township, "GR202033009901", "新材料", new(2020, 6, 1), new(2023, 6, 1));
        var other = new HighTechEnterpriseCertified(revoked, "914403001922038216", Township, "GR202033009902", "新材料", new(2020, 6, 1), new(2023, 6, 1));
        var revocation = new HighTechCertificateRevoked(revoked, other.CreditCode, Township, other.CertificateNo, other.IssuedOn, other.ExpiresOn,
            new(2021, 12, 31), "申请材料弄虚作假");

        var written = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Service.DeliverAsync([
            new Delivery(certified, Guid.CreateVersion7(written)),
            new Delivery(other, Guid.CreateVersion7(written)),
            new Delivery(revocation, Guid.CreateVersion7(written.AddMilliseconds(1))),
        ]);

        var series = await GetOkAsync("/api/v1/reporting/indicators/high_tech_enterprises?from=2019&to=2024");
        Assert.Equal([(2019, 0m), (2020, 2m), (2021, 1m), (2022, 1m), (2023, 0m), (2024, 0m)], Points(Assert.Single(series.GetProperty("series").EnumerateArray())));
    }

    [Fact]
    public async Task Flows_and_stocks_break_down_by_township_and_the_intensity_is_county_wide()
    {
        var north = Township + "北";
        await Service.DeliverAsync([.. EnterpriseHistory.Of(2016, Township), .. EnterpriseHistory.Of(2016, north)]);

        var byTownship = await GetOkAsync("/api/v1/reporting/indicators/high_tech_enterprises?from=2015&to=2016&by=township");
        var series = byTownship.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal([Township, north], series.Select(s => s.GetProperty("township").GetString()));
        Assert.All(series, s => Assert.Equal([(2015, 4m), (2016, 2m)], Points(s)));
        AssertIndicator(await IndicatorsAsync(2016), "cooperations", 4m, 2m, 100m);
        AssertIndicator(await IndicatorsAsync(2016), "enterprise_rd_intensity", 3m, 2.5m, 20m);
    }

    [Fact]
    public async Task Without_annual_figures_of_enterprises_above_designated_size_the_intensity_is_null_not_zero()
    {
        var small = Guid.NewGuid();
        await Service.DeliverAsync([
            Delivery.Of(new AnnualFiguresReported(small, "91350100M000100Y43", Township, false, 2012, 500m, 40m, 30, 5, 100m)),
            Delivery.Of(new AnnualFiguresReported(Guid.NewGuid(), "914403001922038216", Township, true, 2011, 1000m, 0m, 30, 5, 0m)),
        ]);

        AssertIndicator(await IndicatorsAsync(2012), "enterprise_rd_intensity", null, 0m, null);
        AssertIndicator(await IndicatorsAsync(2013), "enterprise_rd_intensity", null, null, null);
    }

    private static List<(int, decimal?)> Points(JsonElement series) =>
        series.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("year").GetInt32(), Number(p.GetProperty("value")))).ToList();
}
