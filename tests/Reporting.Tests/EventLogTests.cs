using System.Net;
using System.Text.Json;
using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Areas.Projects;
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
            """{"eventsProcessed":0,"lastEventAt":null,"lagSeconds":null,"sources":[{"source":"enterprises","eventsProcessed":0,"lastEventAt":null},{"source":"intellectual-property","eventsProcessed":0,"lastEventAt":null},{"source":"projects","eventsProcessed":0,"lastEventAt":null},{"source":"talent","eventsProcessed":0,"lastEventAt":null}]"""
            + ""","rebuild":{"state":"idle","startedAt":null,"completedAt":null,"eventsInLog":null,"eventsDone":0,"eventsReplayed":null,"eventsSkipped":null,"eventTypes":null,"error":null}}""",
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
        Assert.Equal(["eventsProcessed", "lastEventAt", "lagSeconds", "sources", "rebuild"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(history.Count + 1, status.GetProperty("eventsProcessed").GetInt64());
        var lastEventAt = status.GetProperty("lastEventAt").GetDateTimeOffset();
        Assert.InRange(lastEventAt, publishedFrom.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.InRange(status.GetProperty("lagSeconds").GetDouble(), -5, 30);
        var source = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "projects");
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

        var started = await StartRebuildAsync();
        var rebuild = await RebuildEndedAsync();

        Assert.Equal(("running", JsonValueKind.String), (started.GetProperty("state").GetString(), started.GetProperty("startedAt").ValueKind));
        Assert.Equal(
            ["state", "startedAt", "completedAt", "eventsInLog", "eventsDone", "eventsReplayed", "eventsSkipped", "eventTypes", "error"],
            rebuild.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("completed", history.Count, history.Count, history.Count, 0),
            (rebuild.GetProperty("state").GetString(), rebuild.GetProperty("eventsInLog").GetInt32(), rebuild.GetProperty("eventsDone").GetInt32(),
                rebuild.GetProperty("eventsReplayed").GetInt32(), rebuild.GetProperty("eventsSkipped").GetInt32()));
        Assert.True(rebuild.GetProperty("completedAt").GetDateTimeOffset() >= started.GetProperty("startedAt").GetDateTimeOffset());
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
    public async Task A_rebuild_started_while_an_event_is_being_applied_waits_for_it_and_replays_it()
    {
        var first = ProjectHistory.Of(2025, Township);
        await Service.DeliverAsync(first);
        var arriving = ApprovalIn2020();

        // The test's own uncommitted row with the project's key: the consumer, having logged the event, waits on it.
        await using var scope = Service.Services.CreateAsyncScope();
        var test = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var holding = await test.Database.BeginTransactionAsync();
        // (Plain SQL: the service's retrying execution strategy refuses SaveChanges in a transaction it does not own.)
        await test.Database.ExecuteSqlAsync($"""
            INSERT INTO project_approvals (project_id, message_id, level, field, township, approved_on, funding_wan)
            VALUES ({arriving.Event.ProjectId}, {Guid.Empty}, 'County', 'Other', {Township}, {new DateOnly(2020, 1, 1)}, 0)
            """);
        var delivering = Service.DeliverAsync([arriving.Delivery]);
        await Eventually.UntilAsync(LockWaitersAsync, n => n == 1, "the consumer to wait in its transaction");
        await StartRebuildAsync();
        await Eventually.UntilAsync(LockWaitersAsync, n => n == 2, "the rebuild to wait for the consumer");
        await holding.RollbackAsync();

        Assert.Equal(first.Count + 1, (await RebuildEndedAsync()).GetProperty("eventsReplayed").GetInt32());
        await delivering;
        await AssertBothAppliedOnceAsync(2025, first, arriving.Delivery);
    }

    [Fact]
    public async Task An_event_arriving_during_a_rebuild_waits_for_it_and_is_applied_to_the_rebuilt_projections()
    {
        var first = ProjectHistory.Of(2024, Township);
        await Service.DeliverAsync(first);
        var arriving = ApprovalIn2020();

        // The test's own lock on a table the approval does not touch: the rebuild, holding the event log, waits on it
        // while emptying the table; the consumer can then only be waiting for the rebuild.
        await using var scope = Service.Services.CreateAsyncScope();
        var test = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var holding = await test.Database.BeginTransactionAsync();
        await test.Database.ExecuteSqlAsync($"LOCK TABLE project_submissions IN SHARE MODE");
        await StartRebuildAsync();
        await Eventually.UntilAsync(LockWaitersAsync, n => n == 1, "the rebuild to wait in its transaction");
        var delivering = Service.DeliverAsync([arriving.Delivery]);
        await Eventually.UntilAsync(LockWaitersAsync, n => n == 2, "the consumer to wait for the rebuild");
        await holding.RollbackAsync();

        Assert.Equal(first.Count, (await RebuildEndedAsync()).GetProperty("eventsReplayed").GetInt32());
        await delivering;
        await AssertBothAppliedOnceAsync(2024, first, arriving.Delivery);
    }

    [Fact]
    public async Task A_background_rebuild_shows_its_progress_and_gives_the_same_values_while_events_keep_arriving()
    {
        var first = ProjectHistory.Of(2011, Township);
        await Service.DeliverAsync(first);
        await PutBaselineAsync(2011, 900_000m, 380_000, 250_000m, 5_000m, 9_000m);
        var indicatorsBefore = (await IndicatorsAsync(2011)).GetProperty("indicators").GetRawText();

        // The test's own lock on a projection table holds the rebuild after it has locked and counted the log.
        await using var scope = Service.Services.CreateAsyncScope();
        var test = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var holding = await test.Database.BeginTransactionAsync();
        await test.Database.ExecuteSqlAsync($"LOCK TABLE project_submissions IN SHARE MODE");
        await StartRebuildAsync();
        var running = await Eventually.UntilAsync(
            async () => (await GetOkAsync("/api/v1/reporting/status")).GetProperty("rebuild"),
            r => r.GetProperty("eventsInLog").ValueKind == JsonValueKind.Number, "the rebuild to count the log");
        Assert.Equal(("running", first.Count, 0),
            (running.GetProperty("state").GetString(), running.GetProperty("eventsInLog").GetInt32(), running.GetProperty("eventsDone").GetInt32()));
        var again = await Client.PostAsync("/api/v1/reporting/rebuild", content: null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("still running", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(indicatorsBefore, (await IndicatorsAsync(2011)).GetProperty("indicators").GetRawText());

        // Events keep arriving: published while the rebuild holds the log, then while it replays, then after it.
        await Service.PublishAsync(ProjectHistory.Of(2014, Township));
        await Eventually.UntilAsync(LockWaitersAsync, n => n >= 2, "a consumer to wait for the rebuild");
        await holding.RollbackAsync();
        await Service.PublishAsync(ProjectHistory.Of(2017, Township));
        await RebuildEndedAsync();
        await Service.PublishAsync(ProjectHistory.Of(2020, Township));
        await Service.ConsumedAsync();

        Assert.Equal(indicatorsBefore, (await IndicatorsAsync(2011)).GetProperty("indicators").GetRawText());
        foreach (var year in new[] { 2014, 2017, 2020 })
        {
            AssertProjectHistory(await IndicatorsAsync(year));
        }

        Assert.Equal(first.Count * 4, (await GetOkAsync("/api/v1/reporting/status")).GetProperty("eventsProcessed").GetInt32());
        var projections = await Service.ProjectionsAsync();
        await StartRebuildAsync();
        Assert.Equal(first.Count * 4, (await RebuildEndedAsync()).GetProperty("eventsReplayed").GetInt32());
        Assert.Equal(projections, await Service.ProjectionsAsync());
    }

    [Fact]
    public async Task Applied_events_are_counted_for_ops_and_duplicates_are_not()
    {
        using var measurements = new ReportingMeasurements(Service);
        var approval = Delivery.Of(new ProjectApproved(
            Guid.NewGuid(), ProjectLevel.County, ProjectField.Other, Township, new(2003, 3, 3), 3m));
        var outcome = Delivery.Of(new ProjectOutcomeRecorded(
            Guid.NewGuid(), Guid.NewGuid(), OutcomeKind.Variety, "油茶良种", Township, new(2003, 4, 4), null));

        await Service.DeliverAsync([approval, outcome, approval]);
        measurements.ObserveGauges();

        Assert.Equal(2, measurements.Of("countytech.reporting.events_applied", "projects").Sum());
        Assert.InRange(Assert.Single(measurements.Of("countytech.reporting.data_age", "projects")), 0, 60);
    }

    [Fact]
    public async Task After_a_restart_the_data_age_is_read_from_the_event_log_before_any_new_event()
    {
        await Service.DeliverAsync([Delivery.Of(new ProjectApproved(
            Guid.NewGuid(), ProjectLevel.County, ProjectField.Other, Township, new(2002, 2, 2), 2m))]);
        var lastEventAt = (await GetOkAsync("/api/v1/reporting/status")).GetProperty("lastEventAt").GetDateTimeOffset();

        await using var restarted = Service.OnSameDatabase();
        using var client = restarted.Start();
        using var measurements = new ReportingMeasurements(restarted);
        var observedFrom = DateTimeOffset.UtcNow;
        measurements.ObserveGauges();
        var observedTo = DateTimeOffset.UtcNow;

        Assert.Empty(measurements.Of("countytech.reporting.events_applied", "projects"));
        Assert.InRange(Assert.Single(measurements.Of("countytech.reporting.data_age", "projects")),
            (observedFrom - lastEventAt).TotalSeconds, (observedTo - lastEventAt).TotalSeconds);
    }

    private (ProjectApproved Event, Delivery Delivery) ApprovalIn2020()
    {
        var approval = new ProjectApproved(Guid.NewGuid(), ProjectLevel.Provincial, ProjectField.Industry, Township, new(2020, 8, 8), 10m);
        return (approval, Delivery.Of(approval));
    }

    /// <summary>Backends of this service's database waiting for a lock: how the test knows where a transaction stands.</summary>
    private Task<int> LockWaitersAsync() => Service.ReadAsync(db => db.Database.SqlQuery<int>($"""
        SELECT count(*)::int AS "Value" FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE NOT l.granted AND a.datname = current_database()
        """).SingleAsync());

    /// <summary>Neither lost nor applied twice: logged once each, and every indicator as if nothing had overlapped.</summary>
    private async Task AssertBothAppliedOnceAsync(int year, IReadOnlyList<Delivery> first, Delivery arriving)
    {
        Assert.Equal(first.Count + 1, (await GetOkAsync("/api/v1/reporting/status")).GetProperty("eventsProcessed").GetInt64());
        AssertProjectHistory(await IndicatorsAsync(year));
        AssertIndicator(await IndicatorsAsync(2020), "upper_funding", 10m, 0m, null);
        var approval = await Service.ReadAsync(db => db.Set<ProjectApproval>().AsNoTracking().SingleAsync(a => a.MessageId == arriving.MessageId));
        Assert.Equal(((ProjectApproved)arriving.Event).ProjectId, approval.ProjectId);
    }
}
