using CountyTech.Reporting.IntegrationEvents;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>What a rebuild replayed, per event type.</summary>
public sealed record ReplayedEvents(string EventType, string Source, int Events);

/// <summary>The outcome of a rebuild: events replayed, events skipped (types no longer consumed), and per event type.</summary>
public sealed record RebuildResult(int EventsReplayed, int EventsSkipped, IReadOnlyList<ReplayedEvents> EventTypes, DateTimeOffset CompletedAt);

/// <summary>How far a rebuild is: events of the log gone through (replayed or skipped) of those it holds.</summary>
public sealed record ReplayProgress(long EventsInLog, long EventsDone);

/// <summary>
/// Rebuilds every projection from the event log (重建投影) in one transaction: readers see the old tables until the
/// commit; consumers and other rebuilds wait for it (the log is locked against inserts), so no event is lost or
/// applied twice.
/// </summary>
public sealed class EventLogReplay(
    ReportingDbContext db, ReportedEvents reportedEvents, IServiceProvider services, TimeProvider clock, ILogger<EventLogReplay> logger)
{
    private const int BatchSize = 500;

    /// <summary>
    /// Replays the whole log; <paramref name="progress"/> hears how many events the log holds once it is locked, and
    /// how many are done after each batch.
    /// </summary>
    public async Task<RebuildResult> RebuildAsync(Action<ReplayProgress> progress, CancellationToken cancellationToken)
    {
        // Retried as a whole (from an empty count) on a transient database failure.
        var (replayed, skipped) = await db.InTransactionAsync(async (db, cancellationToken) =>
        {
            // Blocks new log entries (consumers wait) and other rebuilds, waits for entries being written, lets reads through.
            await db.Database.ExecuteSqlAsync($"LOCK TABLE event_log IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
            var inLog = await db.EventLog.LongCountAsync(cancellationToken);
            progress(new ReplayProgress(inLog, 0));
            await db.DeleteAllFactsAsync(cancellationToken);

            var replayed = new Dictionary<string, ReplayedEvents>(StringComparer.Ordinal);
            var skipped = 0;
            var position = Guid.Empty;
            while (true)
            {
                var batch = await db.EventLog.AsNoTracking()
                    .Where(e => e.MessageId.CompareTo(position) > 0)
                    .OrderBy(e => e.MessageId)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var entry in batch)
                {
                    if (reportedEvents.Find(entry.EventType) is not { } reported)
                    {
                        skipped++;
                        continue;
                    }

                    await reported.ReplayAsync(entry, db, services, cancellationToken);
                    replayed[entry.EventType] = replayed.TryGetValue(entry.EventType, out var count)
                        ? count with { Events = count.Events + 1 }
                        : new ReplayedEvents(entry.EventType, entry.Source, 1);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                position = batch[^1].MessageId;
                progress(new ReplayProgress(inLog, replayed.Values.Sum(r => r.Events) + skipped));
            }

            return (replayed, skipped);
        }, cancellationToken);

        var result = new RebuildResult(
            replayed.Values.Sum(r => r.Events), skipped, replayed.Values.OrderBy(r => r.EventType, StringComparer.Ordinal).ToList(),
            clock.GetUtcNow());
        if (skipped > 0)
        {
            logger.LogWarning("Rebuild skipped {Skipped} logged events whose types are no longer consumed", skipped);
        }

        logger.LogInformation("Rebuilt the projections from {Replayed} logged events", result.EventsReplayed);
        return result;
    }
}
