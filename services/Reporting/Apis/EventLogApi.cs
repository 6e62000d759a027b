using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Apis;

/// <summary>
/// How fresh the indicators are. <see cref="LastEventAt"/> is when the latest event was received and applied;
/// <see cref="LagSeconds"/> is that event's received time minus the time its producer sent it (MassTransit's
/// SentTime), in seconds: the delay of the newest data on its way in (it can be slightly negative when the hosts'
/// clocks differ). Both are null before the first event; <see cref="LagSeconds"/> also when the sender gave no time.
/// <see cref="Rebuild"/> is this instance's latest rebuild and how far it is.
/// </summary>
public sealed record ReportingStatus(
    long EventsProcessed, DateTimeOffset? LastEventAt, double? LagSeconds, IReadOnlyList<SourceStatus> Sources, RebuildProgress Rebuild);

/// <summary>
/// One area's events: every area Reporting consumes is listed, with 0 events and no time until its first event;
/// <see cref="LastEventAt"/> is when its latest event was received.
/// </summary>
public sealed record SourceStatus(string Source, long EventsProcessed, DateTimeOffset? LastEventAt);

/// <summary>The event log (事件日志): its status, and the rebuild of every projection from it.</summary>
public static class EventLogApi
{
    public static RouteGroupBuilder MapEventLogApi(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("").WithApiTag("Event log", "事件日志 · How fresh the indicators are, and rebuilding them");
        log.MapGet("/status", GetStatus).WithName(nameof(GetStatus))
            .WithSummary("统计数据时效 · How many events were processed and how fresh the indicators are");
        log.MapPost("/rebuild", Rebuild).WithName(nameof(Rebuild))
            .WithSummary("重建统计 · Start rebuilding every projection from the event log in the background; progress in /status")
            .RequireCallerScope(Caller.AdminScope).AnswersConflict();
        return api;
    }

    /// <summary>How many events were processed, per source, and how fresh the newest is.</summary>
    public static async Task<Ok<ReportingStatus>> GetStatus(
        ReportingDbContext db, ReportedEvents reportedEvents, RebuildRunner rebuild, CancellationToken cancellationToken)
    {
        var logged = await db.EventLog
            .GroupBy(e => e.Source)
            .Select(g => new SourceStatus(g.Key, g.LongCount(), g.Max(e => e.ReceivedAt)))
            .ToDictionaryAsync(s => s.Source, StringComparer.Ordinal, cancellationToken);
        var latest = await db.EventLog
            .OrderByDescending(e => e.ReceivedAt)
            .Select(e => new { e.ReceivedAt, e.SentAt })
            .FirstOrDefaultAsync(cancellationToken);

        var sources = reportedEvents.All.Select(e => e.Source).Concat(logged.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(source => logged.GetValueOrDefault(source) ?? new SourceStatus(source, 0, null))
            .ToList();
        return TypedResults.Ok(new ReportingStatus(
            logged.Values.Sum(s => s.EventsProcessed),
            latest?.ReceivedAt,
            latest is { SentAt: { } sent } ? (latest.ReceivedAt - sent).TotalSeconds : null,
            sources,
            rebuild.Progress));
    }

    /// <summary>
    /// Starts rebuilding every projection from the event log in the background: 202 with the rebuild's progress and
    /// <c>Location</c> the status, where it is followed; 409 while one is running. The rebuild replays the log in one
    /// transaction, so the indicators keep their values until it commits, and events arriving meanwhile wait for it and
    /// are applied to the rebuilt projections. Only the <c>admin</c> scope may call it: the gateway checks, and so does
    /// the service.
    /// </summary>
    public static Results<Accepted<RebuildProgress>, ProblemHttpResult> Rebuild(RebuildRunner rebuild) =>
        rebuild.TryStart(out var progress)
            ? TypedResults.Accepted(ReportingApi.BasePath + "/status", progress)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "A rebuild is running",
                detail: $"The rebuild started at {progress.StartedAt:O} is still running ({progress.EventsDone} of {progress.EventsInLog} events); follow it in /status.");
}
