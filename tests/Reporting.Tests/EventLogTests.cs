using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

/// <summary>The event log: what it keeps, the status it gives, and the rebuild of the projections from it.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class EventLogTests(InfrastructureFixture infrastructure) : ReportingServiceTest(infrastructure)
{
    [Fact]
    public async Task Before_any_event_every_consumed_area_is_listed_with_nothing_processed()
    {
        var status = await GetOkAsync("/api/v1/reporting/status");

        Assert.Equal(
            """{"eventsProcessed":0,"lastEventAt":null,"lagSeconds":null,"sources":[{"source":"projects","eventsProcessed":0,"lastEventAt":null}]}""",
            status.GetRawText());
    }

    [Fact]
    public async Task Every_event_is_logged_with_its_type_source_payload_and_times_and_counted_in_the_status()
    {
        var approval = Delivery.Of(new ProjectApproved(
            Guid.NewGuid(), ProjectLevel.National, ProjectField.Agriculture, Township, new(2007, 8, 8), 88.8m));
        var history = ProjectHistory.Of(2007, Township);
        var publishedFrom = DateTimeOffset.UtcNow;
        await Service.DeliverAsync([approval, .. history]);

        var logged = await Service.ReadAsync(db => db.EventLog.AsNoTracking().SingleAsync(e => e.MessageId == approval.MessageId));
        Assert.Equal(("CountyTech.Contracts.Projects.ProjectApproved", "projects"), (logged.EventType, logged.Source));
        using (var payload = JsonDocument.Parse(logged.Payload))
        {
            Assert.Equal("national", payload.RootElement.GetProperty("level").GetString());
            Assert.Equal("2007-08-08", payload.RootElement.GetProperty("approvedOn").GetString());
            Assert.Equal(88.8m, payload.RootElement.GetProperty("fundingWan").GetDecimal());
        }

        Assert.NotNull(logged.SentAt);
        Assert.InRange(logged.SentAt.Value, publishedFrom.AddSeconds(-5), logged.ReceivedAt.AddSeconds(5));

        var status = await GetOkAsync("/api/v1/reporting/status");
        Assert.Equal(["eventsProcessed", "lastEventAt", "lagSeconds", "sources"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(history.Count + 1, status.GetProperty("eventsProcessed").GetInt64());
        var lastEventAt = status.GetProperty("lastEventAt").GetDateTimeOffset();
        Assert.InRange(lastEventAt, publishedFrom.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.InRange(status.GetProperty("lagSeconds").GetDouble(), -5, 30);
        var source = Assert.Single(status.GetProperty("sources").EnumerateArray());
        Assert.Equal(["source", "eventsProcessed", "lastEventAt"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("projects", history.Count + 1L, lastEventAt),
            (source.GetProperty("source").GetString(), source.GetProperty("eventsProcessed").GetInt64(),
                source.GetProperty("lastEventAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task Rebuild_replays_the_log_and_reproduces_the_same_projections_and_indicators()
    {
        var history = ProjectHistory.Of(2005, Township);
        await Service.DeliverAsync(history);
        await PutBaselineAsync(2005, 900_000m, 380_000, 250_000m, 5_000m, 9_000m);
        var indicators = (await IndicatorsAsync(2005)).GetProperty("indicators").GetRawText();
        var byTownship = (await GetOkAsync("/api/v1/reporting/indicators/upper_funding?from=2004&to=2006&by=township")).GetRawText();
        var projections = await Service.ProjectionsAsync();

        var response = await Client.PostAsync("/api/v1/reporting/rebuild", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rebuild = await ReportingServiceFactory.BodyAsync(response);
        Assert.Equal(["eventsReplayed", "eventsSkipped", "eventTypes", "completedAt"], rebuild.EnumerateObject().Select(p => p.Name));
        Assert.Equal((history.Count, 0), (rebuild.GetProperty("eventsReplayed").GetInt32(), rebuild.GetProperty("eventsSkipped").GetInt32()));
        Assert.Equal(
            [
                ("CountyTech.Contracts.Projects.ProjectAccepted", "projects", 3),
                ("CountyTech.Contracts.Projects.ProjectApproved", "projects", 6),
                ("CountyTech.Contracts.Projects.ProjectFundsDisbursed", "projects", 1),
                ("CountyTech.Contracts.Projects.ProjectOutcomeRecorded", "projects", 4),
                ("CountyTech.Contracts.Projects.ProjectRejected", "projects", 1),
                ("CountyTech.Contracts.Projects.ProjectSubmitted", "projects", 1),
            ],
            rebuild.GetProperty("eventTypes").EnumerateArray().Select(t =>
                (t.GetProperty("eventType").GetString(), t.GetProperty("source").GetString(), t.GetProperty("events").GetInt32())));

        Assert.Equal(projections, await Service.ProjectionsAsync());
        Assert.Equal(indicators, (await IndicatorsAsync(2005)).GetProperty("indicators").GetRawText());
        Assert.Equal(byTownship, (await GetOkAsync("/api/v1/reporting/indicators/upper_funding?from=2004&to=2006&by=township")).GetRawText());
        AssertProjectHistory(await IndicatorsAsync(2005));
    }

    [Fact]
    public async Task Events_arriving_during_rebuilds_are_neither_lost_nor_applied_twice()
    {
        var first = ProjectHistory.Of(2025, Township);
        var arriving = ProjectHistory.Of(2022, Township);
        await Service.DeliverAsync(first);

        var delivering = Service.DeliverAsync(arriving);
        var rebuilds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Client.PostAsync("/api/v1/reporting/rebuild", content: null)));
        await delivering;

        Assert.All(rebuilds, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        AssertProjectHistory(await IndicatorsAsync(2025));
        AssertProjectHistory(await IndicatorsAsync(2022));
        Assert.Equal(first.Count + arriving.Count, (await GetOkAsync("/api/v1/reporting/status")).GetProperty("eventsProcessed").GetInt64());
    }

    [Fact]
    public async Task Applied_events_are_counted_for_ops_and_duplicates_are_not()
    {
        var applied = new ConcurrentBag<(string Instrument, double Value, string? Source)>();
        var meters = Service.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReportingMetrics.MeterName && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => applied.Add((instrument.Name, value, SourceOf(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => applied.Add((instrument.Name, value, SourceOf(tags))));
        listener.Start();
        var approval = Delivery.Of(new ProjectApproved(
            Guid.NewGuid(), ProjectLevel.County, ProjectField.Other, Township, new(2003, 3, 3), 3m));
        var outcome = Delivery.Of(new ProjectOutcomeRecorded(
            Guid.NewGuid(), Guid.NewGuid(), OutcomeKind.Variety, "油茶良种", Township, new(2003, 4, 4), null));

        await Service.DeliverAsync([approval, outcome, approval]);
        listener.RecordObservableInstruments();

        Assert.Equal(2, applied.Where(m => m.Instrument == "countytech.reporting.events_applied" && m.Source == "projects").Sum(m => m.Value));
        Assert.InRange(Assert.Single(applied, m => m.Instrument == "countytech.reporting.data_age" && m.Source == "projects").Value, 0, 60);
    }

    private static string? SourceOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "source")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
