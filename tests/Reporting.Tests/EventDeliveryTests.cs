using System.Text.Json;
using CountyTech.Contracts.Projects;
using CountyTech.Testing;

namespace CountyTech.Reporting.Tests;

/// <summary>At least once on the wire, exactly once in effect, and in any order.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EventDeliveryTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task A_message_delivered_twice_changes_no_projection_and_no_indicator()
    {
        var history = ProjectHistory.Of(2013, Township);
        await Service.DeliverAsync(history);
        var indicatorsBefore = (await IndicatorsAsync(2013)).GetProperty("indicators").GetRawText();
        var factsBefore = await Service.ProjectionsAsync();
        var statusBefore = await GetOkAsync("/api/v1/reporting/status");

        await Service.DeliverAsync(history);

        Assert.Equal(indicatorsBefore, (await IndicatorsAsync(2013)).GetProperty("indicators").GetRawText());
        Assert.Equal(factsBefore, await Service.ProjectionsAsync());
        var statusAfter = await GetOkAsync("/api/v1/reporting/status");
        Assert.Equal(history.Count, statusAfter.GetProperty("eventsProcessed").GetInt64());
        Assert.Equal(statusBefore.GetProperty("lastEventAt").GetString(), statusAfter.GetProperty("lastEventAt").GetString());
        AssertProjectHistory(await IndicatorsAsync(2013));
    }

    [Fact]
    public async Task Events_in_reverse_order_give_the_same_indicators()
    {
        await Service.DeliverAsync(ProjectHistory.Of(2015, Township).Reverse());
        await Service.DeliverAsync(ProjectHistory.Of(2011, Township + "北"));

        var reversed = await IndicatorsAsync(2015);
        var inOrder = await IndicatorsAsync(2011);

        AssertProjectHistory(reversed);
        AssertProjectHistory(inOrder);
        Assert.Equal(Values(inOrder), Values(reversed));
    }

    [Fact]
    public async Task Of_two_events_for_the_same_project_the_one_written_later_wins_whichever_arrives_first()
    {
        var project = Guid.NewGuid();
        var original = new Delivery(
            new ProjectApproved(project, ProjectLevel.Provincial, ProjectField.Industry, Township, new(2009, 5, 1), 40m),
            Guid.CreateVersion7(DateTimeOffset.UtcNow.AddMinutes(-1)));
        var correction = new Delivery(
            new ProjectApproved(project, ProjectLevel.Provincial, ProjectField.Industry, Township, new(2009, 5, 1), 45.5m),
            Guid.CreateVersion7(DateTimeOffset.UtcNow));

        await Service.DeliverAsync([correction]);
        await Service.DeliverAsync([original]);

        AssertIndicator(await IndicatorsAsync(2009), "upper_funding", 45.5m, 0m, null);
        AssertIndicator(await IndicatorsAsync(2009), "upper_projects", 1m, 0m, null);
    }

    private static List<string> Values(JsonElement indicators) =>
        indicators.GetProperty("indicators").EnumerateArray()
            .Select(i => $"{i.GetProperty("code")}={i.GetProperty("value")}/{i.GetProperty("previousValue")}/{i.GetProperty("yoyChangePercent")}")
            .ToList();

}
