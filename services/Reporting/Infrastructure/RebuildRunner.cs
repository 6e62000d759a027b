using Microsoft.Extensions.Logging;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>What a rebuild is doing, as <c>/status</c> shows it.</summary>
public enum RebuildState
{
    /// <summary>No rebuild since this instance started.</summary>
    Idle,

    /// <summary>Replaying the event log; the indicators show the projections as they were until it commits.</summary>
    Running,

    Completed,

    /// <summary>Stopped by an error or by the service stopping; nothing of it was committed.</summary>
    Failed,
}

/// <summary>
/// The latest rebuild of this instance: when it started and ended, the events the log held when it was locked and how
/// many are done, and when completed, what was replayed per event type; when failed, why.
/// </summary>
public sealed record RebuildProgress(
    RebuildState State, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, long? EventsInLog, long EventsDone,
    int? EventsReplayed, int? EventsSkipped, IReadOnlyList<ReplayedEvents>? EventTypes, string? Error)
{
    public static readonly RebuildProgress Idle = new(RebuildState.Idle, null, null, null, 0, null, null, null, null);
}

/// <summary>
/// Runs <see cref="EventLogReplay"/> in the background (重建投影): <c>POST /rebuild</c> starts it and answers at once, and
/// <c>/status</c> follows its <see cref="RebuildProgress"/>. One at a time per instance (and, through the event log's
/// lock, one at a time across instances); the service stopping cancels it, rolling it back.
/// </summary>
public sealed class RebuildRunner(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<RebuildRunner> logger)
{
    private readonly Lock _lock = new();
    private RebuildProgress _progress = RebuildProgress.Idle;

    public RebuildProgress Progress
    {
        get
        {
            lock (_lock)
            {
                return _progress;
            }
        }
    }

    /// <summary>Starts a rebuild unless one is running; returns whether it started, and the progress either way.</summary>
    public bool TryStart(out RebuildProgress progress)
    {
        lock (_lock)
        {
            if (_progress.State == RebuildState.Running)
            {
                progress = _progress;
                return false;
            }

            _progress = RebuildProgress.Idle with { State = RebuildState.Running, StartedAt = clock.GetUtcNow() };
            progress = _progress;
        }

        _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping), CancellationToken.None);
        return true;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var replay = scope.ServiceProvider.GetRequiredService<EventLogReplay>();
            var result = await replay.RebuildAsync(
                step => Update(p => p with { EventsInLog = step.EventsInLog, EventsDone = step.EventsDone }), stopping);
            Update(p => p with
            {
                State = RebuildState.Completed,
                CompletedAt = result.CompletedAt,
                EventsReplayed = result.EventsReplayed,
                EventsSkipped = result.EventsSkipped,
                EventTypes = result.EventTypes,
            });
        }
        catch (Exception failure)
        {
            // Reported where the admin looks (status) and logged for ops; the transaction rolled back, nothing is half done.
            logger.LogError(failure, "The rebuild of the projections failed; the projections are as they were before it");
            Update(p => p with
            {
                State = RebuildState.Failed,
                CompletedAt = clock.GetUtcNow(),
                Error = stopping.IsCancellationRequested ? "The service stopped during the rebuild." : failure.Message,
            });
        }
    }

    private void Update(Func<RebuildProgress, RebuildProgress> change)
    {
        lock (_lock)
        {
            _progress = change(_progress);
        }
    }
}
