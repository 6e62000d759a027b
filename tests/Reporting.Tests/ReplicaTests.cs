using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Tests;

/// <summary>Two replicas of Reporting on one database compete on its queues and give the indicators of one.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ReplicaTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task Two_replicas_give_the_indicators_of_one_even_with_every_event_delivered_twice_at_once()
    {
        await using var replica = Service.OnSameDatabase();
        using var replicaClient = replica.Start();
        var history = ProjectHistory.Of(2017, Township);

        // Each event twice in a row: the copies may be consumed by the two replicas at the same moment.
        await Service.PublishAsync(history.SelectMany(delivery => new[] { delivery, delivery }));
        await Eventually.UntilAsync(
            () => Task.FromResult(Service.ConsumedCount + replica.ConsumedCount), n => n >= 2 * history.Count,
            "every delivery consumed by one replica or the other", TimeSpan.FromSeconds(60));

        Assert.Equal(history.Count, await Service.ReadAsync(db => db.EventLog.CountAsync()));
        var indicators = await IndicatorsAsync(2017);
        AssertProjectHistory(indicators);
        var throughReplica = await ReportingServiceFactory.BodyAsync(await replicaClient.GetAsync("/api/v1/reporting/indicators?year=2017"));
        Assert.Equal(indicators.GetProperty("indicators").GetRawText(), throughReplica.GetProperty("indicators").GetRawText());
    }
}
