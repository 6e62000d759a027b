using System.Net;
using System.Text.Json;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>The intellectual-property events at least once on the wire, exactly once in effect, and in any order.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class IntellectualPropertyEventDeliveryTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
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
    public async Task Every_event_delivered_twice_changes_no_projection_and_no_indicator()
    {
        var history = IntellectualPropertyHistory.Of(2013, Township);
        await PutPopulationAsync(2013, IntellectualPropertyHistory.Population);
        await PutPopulationAsync(2012, IntellectualPropertyHistory.PopulationBefore);
        await Service.DeliverAsync(history);
        var indicatorsBefore = (await IndicatorsAsync(2013)).GetProperty("indicators").GetRawText();
        var factsBefore = await Service.ProjectionsAsync();

        await Service.DeliverAsync(history.Reverse());

        Assert.Equal(indicatorsBefore, (await IndicatorsAsync(2013)).GetProperty("indicators").GetRawText());
        Assert.Equal(factsBefore, await Service.ProjectionsAsync());
        Assert.Equal(history.Count, (await GetOkAsync("/api/v1/reporting/status")).GetProperty("eventsProcessed").GetInt64());
        AssertIntellectualPropertyHistory(await IndicatorsAsync(2013));
    }

    [Fact]
    public async Task Events_in_reverse_order_grants_and_lapses_before_their_filings_give_the_same_indicators()
    {
        // The stock of invention patents runs on past the years of one history, so this service sees only the reversed
        // one; the in-order values are the same table (IntellectualPropertyIndicatorsTests).
        await PutPopulationAsync(2015, IntellectualPropertyHistory.Population);
        await PutPopulationAsync(2014, IntellectualPropertyHistory.PopulationBefore);

        await Service.DeliverAsync(IntellectualPropertyHistory.Of(2015, Township).Reverse());

        AssertIntellectualPropertyHistory(await IndicatorsAsync(2015));
    }

    [Fact]
    public async Task A_lapse_consumed_before_its_grant_already_places_the_patent_in_force_between_the_two_dates()
    {
        var patent = Guid.NewGuid();
        await PutPopulationAsync(2016, 10_000);
        await PutPopulationAsync(2017, 10_000);

        await Service.DeliverAsync([Delivery.Of(new PatentLapsed(
            patent, "201610012345.1", PatentType.Invention, null, Township, new(2016, 3, 1), new(2017, 12, 31)))]);
        AssertIndicator(await IndicatorsAsync(2017), "invention_patents_per_10k", 0m, 1m, -100m);
        AssertIndicator(await IndicatorsAsync(2016), "invention_grants", 0m, 0m, null);

        await Service.DeliverAsync([
            Delivery.Of(new PatentGranted(patent, "201610012345.1", PatentType.Invention, "县油茶研究所", null, Township, new(2016, 1, 4), new(2016, 3, 1))),
            Delivery.Of(new PatentFiled(patent, "201610012345.1", "一种油茶果脱壳机", PatentType.Invention, "县油茶研究所", null, Township, new(2016, 1, 4))),
        ]);
        AssertIndicator(await IndicatorsAsync(2017), "invention_patents_per_10k", 0m, 1m, -100m);
        AssertIndicator(await IndicatorsAsync(2016), "invention_grants", 1m, 0m, null);
        AssertIndicator(await IndicatorsAsync(2016), "invention_applications", 1m, 0m, null);
    }

    [Fact]
    public async Task Rebuild_replays_every_intellectual_property_event_into_the_same_projections_and_indicators()
    {
        var history = IntellectualPropertyHistory.Of(2007, Township);
        await PutPopulationAsync(2007, IntellectualPropertyHistory.Population);
        await PutPopulationAsync(2006, IntellectualPropertyHistory.PopulationBefore);
        await Service.DeliverAsync(history);
        var projections = await Service.ProjectionsAsync();

        await StartRebuildAsync();

        var rebuild = await RebuildEndedAsync();
        Assert.Equal((history.Count, 0), (rebuild.GetProperty("eventsReplayed").GetInt32(), rebuild.GetProperty("eventsSkipped").GetInt32()));
        Assert.Equal(
            [
                ("AchievementRegistered", 3), ("PatentFiled", 10), ("PatentGranted", 5), ("PatentLapsed", 3), ("PatentRejected", 1),
                ("TechnologyContractRegistered", 5),
            ],
            rebuild.GetProperty("eventTypes").EnumerateArray().Select(t =>
                (t.GetProperty("eventType").GetString()!.Split('.')[^1], t.GetProperty("events").GetInt32())));
        Assert.Equal(projections, await Service.ProjectionsAsync());
        AssertIntellectualPropertyHistory(await IndicatorsAsync(2007));
    }
}
