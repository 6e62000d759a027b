using System.Text.Json;
using CountyTech.Contracts.Talent;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The eight talent indicators as INDICATORS.md defines them, from events sent through the real broker into the real
/// database: exact values, the year-boundary definitions of the commissioner stock and turnover, township series.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TalentIndicatorsTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    private Delivery Dispatch(Guid commissioner, DateOnly on, string? township = null) =>
        Delivery.Of(new CommissionerDispatched(commissioner, "特派员", "蔬菜栽培", township ?? Township, "示范村", "县科技局", on));

    private Delivery Depart(Guid commissioner, DateOnly dispatchedOn, DateOnly leftOn) =>
        Delivery.Of(new CommissionerDeparted(commissioner, Township, dispatchedOn, leftOn, "调离"));

    private static void AssertTalentHistory(JsonElement indicators)
    {
        foreach (var (code, expected) in TalentHistory.Indicators)
        {
            AssertIndicator(indicators, code, expected.Value, expected.Previous, expected.Yoy);
        }
    }

    [Fact]
    public async Task A_township_talent_history_gives_the_eight_indicators_exactly()
    {
        await Service.DeliverAsync(TalentHistory.Of(2016, Township));

        AssertTalentHistory(await IndicatorsAsync(2016));
    }

    [Fact]
    public async Task A_commissioner_leaving_on_12_31_is_not_in_post_at_year_end_and_one_dispatched_on_01_01_is()
    {
        Guid leaving = Guid.NewGuid(), arriving = Guid.NewGuid();
        await Service.DeliverAsync(
        [
            Dispatch(leaving, new(2018, 5, 1)),
            Depart(leaving, new(2018, 5, 1), new(2019, 12, 31)),
            Dispatch(arriving, new(2019, 1, 1)),
        ]);

        var indicators = await IndicatorsAsync(2019);

        AssertIndicator(indicators, "commissioners_active", 1m, 1m, 0m);
        AssertIndicator(indicators, "commissioners_dispatched", 1m, 1m, 0m);
        // In post on 2019-01-01: only the one dispatched in 2018 (dispatched on 01-01 is not "before 01-01"); on
        // 2018-01-01 nobody, so 2018 has no turnover.
        AssertIndicator(indicators, "commissioner_turnover", 100m, null, null);
    }

    [Fact]
    public async Task Turnover_is_null_when_nobody_was_in_post_on_01_01_and_a_real_0_when_someone_was_and_nobody_left()
    {
        Guid seasonal = Guid.NewGuid(), staying = Guid.NewGuid();
        await Service.DeliverAsync(
        [
            Dispatch(seasonal, new(2012, 3, 1)),
            Depart(seasonal, new(2012, 3, 1), new(2012, 10, 1)),
            Dispatch(staying, new(2013, 6, 1)),
        ]);

        var turnover = await GetOkAsync("/api/v1/reporting/indicators/commissioner_turnover?from=2012&to=2014");

        Assert.Equal(
            [(2012, null), (2013, null), (2014, 0m)],
            Assert.Single(turnover.GetProperty("series").EnumerateArray()).GetProperty("points").EnumerateArray()
                .Select(p => (p.GetProperty("year").GetInt32(), Number(p.GetProperty("value")))));
        AssertIndicator(await IndicatorsAsync(2014), "commissioner_turnover", 0m, null, null);
    }

    [Fact]
    public async Task Talent_stocks_and_flows_break_down_by_township()
    {
        var west = Township + "西";
        await Service.DeliverAsync(
        [
            Dispatch(Guid.NewGuid(), new(2020, 4, 1)),
            Dispatch(Guid.NewGuid(), new(2021, 4, 1), west),
            Dispatch(Guid.NewGuid(), new(2021, 5, 1), west),
            Delivery.Of(new TrainingHeld(Guid.NewGuid(), "培训", Township, new(2021, 3, 3), 2, 70)),
            Delivery.Of(new TrainingHeld(Guid.NewGuid(), "培训", west, new(2021, 3, 3), 1, 25)),
            Delivery.Of(new DemonstrationBaseCertified(Guid.NewGuid(), "基地", west, "茶叶", 88.5m, new(2020, 12, 31))),
        ]);

        Assert.Equal([(Township, "1 1"), (west, "0 2")], await TownshipSeriesAsync("commissioners_active"));
        Assert.Equal([(Township, "0 70"), (west, "0 25")], await TownshipSeriesAsync("training_participants"));
        Assert.Equal([(west, "1 1")], await TownshipSeriesAsync("demo_bases"));
        AssertIndicator(await IndicatorsAsync(2021), "commissioners_active", 3m, 1m, 200m);
    }

    /// <summary>Each township's values of 2020 and 2021, as "v2020 v2021".</summary>
    private async Task<List<(string, string)>> TownshipSeriesAsync(string code)
    {
        var series = await GetOkAsync($"/api/v1/reporting/indicators/{code}?from=2020&to=2021&by=township");
        return series.GetProperty("series").EnumerateArray()
            .Select(s => (s.GetProperty("township").GetString()!, string.Join(' ', s.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetRawText()))))
            .ToList();
    }
}
