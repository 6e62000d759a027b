using CountyTech.Contracts.Talent;
using CountyTech.Reporting.Areas.Talent;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Tests;

/// <summary>Talent events at least once on the wire, exactly once in effect, and in any order.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TalentEventDeliveryTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task Talent_events_delivered_twice_change_no_projection_and_no_indicator()
    {
        var history = TalentHistory.Of(2014, Township);
        await Service.DeliverAsync(history);
        var indicatorsBefore = (await IndicatorsAsync(2014)).GetProperty("indicators").GetRawText();
        var factsBefore = await Service.ProjectionsAsync();

        await Service.DeliverAsync(history);

        Assert.Equal(indicatorsBefore, (await IndicatorsAsync(2014)).GetProperty("indicators").GetRawText());
        Assert.Equal(factsBefore, await Service.ProjectionsAsync());
        Assert.Equal(history.Count, (await GetOkAsync("/api/v1/reporting/status")).GetProperty("eventsProcessed").GetInt64());
    }

    [Fact]
    public async Task Talent_events_in_reverse_order_and_twice_give_the_same_indicators()
    {
        var history = TalentHistory.Of(2017, Township);

        await Service.DeliverAsync(history.Reverse().SelectMany(delivery => new[] { delivery, delivery }));

        var indicators = await IndicatorsAsync(2017);
        foreach (var (code, expected) in TalentHistory.Indicators)
        {
            AssertIndicator(indicators, code, expected.Value, expected.Previous, expected.Yoy);
        }
    }

    [Fact]
    public async Task A_departure_consumed_before_its_dispatch_leaves_the_same_time_in_post()
    {
        Guid first = Guid.NewGuid(), second = Guid.NewGuid();
        var (dispatchedOn, leftOn) = (new DateOnly(2010, 4, 1), new DateOnly(2011, 6, 30));
        // As the Talent service's outbox writes them: the dispatch first, the departure a request later.
        Delivery Dispatch(Guid id) => new(
            new CommissionerDispatched(id, "特派员", "畜牧", Township, "示范村", "县科技局", dispatchedOn),
            Guid.CreateVersion7(DateTimeOffset.UtcNow.AddSeconds(-1)));
        Delivery Depart(Guid id) => Delivery.Of(new CommissionerDeparted(id, Township, dispatchedOn, leftOn, "调离"));
        var (firstDispatch, firstDeparture) = (Dispatch(first), Depart(first));
        var (secondDispatch, secondDeparture) = (Dispatch(second), Depart(second));

        await Service.DeliverAsync([firstDispatch, firstDeparture]);
        await Service.DeliverAsync([secondDeparture, secondDispatch]);

        var dispatches = await Service.ReadAsync(db => db.Set<CommissionerDispatch>().AsNoTracking().ToDictionaryAsync(d => d.CommissionerId));
        var departures = await Service.ReadAsync(db => db.Set<CommissionerDeparture>().AsNoTracking().ToDictionaryAsync(d => d.CommissionerId));
        foreach (var (id, departure) in new[] { (first, firstDeparture), (second, secondDeparture) })
        {
            Assert.Equal((Township, dispatchedOn, departure.MessageId), (dispatches[id].Township, dispatches[id].DispatchedOn, dispatches[id].MessageId));
            Assert.Equal((Township, leftOn, departure.MessageId), (departures[id].Township, departures[id].LeftOn, departures[id].MessageId));
        }

        var indicators = await IndicatorsAsync(2011);
        AssertIndicator(indicators, "commissioners_active", 0m, 2m, -100m);
        AssertIndicator(indicators, "commissioner_turnover", 100m, null, null);
    }
}
