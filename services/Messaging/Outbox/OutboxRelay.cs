using System.Diagnostics;
using CountyTech.ServiceDefaults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CountyTech.Messaging.Outbox;

/// <summary>How the relay paces itself. Defaults suit a county's volume; tests shorten them.</summary>
public sealed class OutboxRelayOptions
{
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Batches in flight at once in this process, each claimed by its own worker (<c>FOR UPDATE SKIP LOCKED</c>, as
    /// between replicas): while one awaits its broker confirms and commits, the next is claimed and published.
    /// </summary>
    public int Workers { get; set; } = 2;

    /// <summary>
    /// How long an idle worker waits before looking again, unless woken first by rows committed in this process
    /// (<see cref="OutboxSignal{TContext}"/>): what a look finds is a row due again after a failed publish, or one left by
    /// a replica that stopped. Each look is a transaction and a query; at 200 ms, looking was most of an idle service's
    /// CPU and of the database's (BENCHMARKS.md, "Idle cost").
    /// </summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Attempts after which a row that cannot be read back into an event is given up (<see cref="OutboxMessage.DeadAt"/>).
    /// More than one, so that a replica still on the previous version (not knowing a new event type) does not kill rows
    /// a newer replica will publish.
    /// </summary>
    public int DeadAfterAttempts { get; set; } = 5;
}

/// <summary>
/// Publishes the outbox of <typeparamref name="TContext"/>: takes pending rows with <c>FOR UPDATE SKIP LOCKED</c> (so
/// several instances share the work), publishes each with its row id as MessageId under the trace of the request that
/// wrote it, and marks it sent in the same transaction. The publishes of a batch are pipelined (sent together, their
/// publisher confirms awaited together). A crash after publishing and before the commit leaves the rows pending: they
/// are published again with the same MessageIds and the consumers' inbox drops the copies. A failed publish is retried
/// with exponential backoff (capped by <see cref="OutboxRelayOptions.MaxRetryDelay"/>) while the rest of its batch is
/// marked sent, so rows may arrive out of order: consumers must not depend on order, and Reporting does not. A row that
/// cannot even be read back into an event (its type gone) is dead after <see cref="OutboxRelayOptions.DeadAfterAttempts"/>
/// attempts: left in the table, never claimed again, and counted (<c>countytech.outbox.dead</c>). Several batches
/// are in flight at once (<see cref="OutboxRelayOptions.Workers"/>), and an idle relay is woken as soon as this process
/// commits outbox rows (<see cref="OutboxSignal{TContext}"/>).
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TContext> signal,
    IOptions<OutboxRelayOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly string OutboxName = typeof(TContext).Name;
    private static readonly TimeSpan BacklogReadingInterval = TimeSpan.FromSeconds(5);
    private readonly OutboxRelayOptions _options = options.Value;
    private DateTimeOffset _lastBacklogReading = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.Workers)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var failuresInARow = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayBatchAsync(stoppingToken);
                failuresInARow = 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failuresInARow++;
                logger.LogError(ex, "Outbox relay round failed ({Failures} in a row)", failuresInARow);
                await Task.Delay(Backoff(failuresInARow), clock, stoppingToken);
                continue;
            }

            if (published < _options.BatchSize)
            {
                await signal.WaitAsync(_options.IdleDelay, stoppingToken);
            }
        }
    }

    /// <summary>One round: publishes up to a batch of due rows; returns how many were published.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // Retried as a whole on a transient database failure: rows published again keep their MessageIds.
        var published = await db.InTransactionAsync(async (db, cancellationToken) =>
        {
            var now = clock.GetUtcNow();
            var due = await db.Set<OutboxMessage>()
                .FromSqlRaw(
                    $"SELECT * FROM {MessagingModel.OutboxTable} WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= {{0}} " +
                    "ORDER BY id LIMIT {1} FOR UPDATE SKIP LOCKED",
                    now, _options.BatchSize)
                .AsNoTracking()
                .ToListAsync(cancellationToken);

            // The batch's publishes are pipelined: all sent at once, their broker confirms awaited together.
            var outcomes = await Task.WhenAll(due.Select(message => TryPublishAsync(message, cancellationToken)));

            // The published rows are marked in one statement; the rare failures row by row, with their own backoff.
            var sentAt = clock.GetUtcNow();
            var sent = outcomes.Where(outcome => outcome.Failure is null).Select(outcome => outcome.Message.Id).ToList();
            if (sent.Count > 0)
            {
                await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Id))
                    .ExecuteUpdateAsync(row => row.SetProperty(m => m.SentAt, sentAt), cancellationToken);
            }

            foreach (var (message, failure, unreadable) in outcomes)
            {
                if (failure is null)
                {
                    continue;
                }

                db.Attach(message);
                message.Attempts++;
                message.NextAttemptAt = clock.GetUtcNow() + Backoff(message.Attempts);
                message.LastError = failure.Message.Length > 2000 ? failure.Message[..2000] : failure.Message;
                if (unreadable && message.Attempts >= _options.DeadAfterAttempts)
                {
                    message.DeadAt = clock.GetUtcNow();
                    MessagingMetrics.DeadLettered.Add(1, new KeyValuePair<string, object?>("outbox", OutboxName));
                    logger.LogError(failure, "Outbox message {MessageId} ({Type}) cannot be read back into an event after {Attempts} attempts; it is dead and will not be published",
                        message.Id, message.MessageType, message.Attempts);
                    continue;
                }

                MessagingMetrics.PublishFailures.Add(1, new KeyValuePair<string, object?>("outbox", OutboxName));
                logger.LogWarning(failure, "Publishing outbox message {MessageId} ({Type}) failed, attempt {Attempt}",
                    message.Id, message.MessageType, message.Attempts);
            }

            return sent.Count;
        }, cancellationToken);

        MessagingMetrics.Published.Add(published);
        if (clock.GetUtcNow() - _lastBacklogReading >= BacklogReadingInterval)
        {
            await RecordBacklogAsync(db, cancellationToken);
        }

        return published;
    }

    /// <summary>
    /// Publishes one row; a failure is returned, not thrown, so the rest of the batch is still marked. A row that cannot
    /// be read back into an event (<paramref name="message"/>'s type or payload no longer loads) is <c>Unreadable</c>.
    /// </summary>
    private async Task<(OutboxMessage Message, Exception? Failure, bool Unreadable)> TryPublishAsync(
        OutboxMessage message, CancellationToken cancellationToken)
    {
        object integrationEvent;
        Type type;
        try
        {
            integrationEvent = message.ReadEvent(out type);
        }
        catch (Exception ex)
        {
            return (message, ex, true);
        }

        try
        {
            await PublishAsync(message, integrationEvent, type, cancellationToken);
            return (message, null, false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (message, ex, false);
        }
    }

    private async Task PublishAsync(OutboxMessage message, object integrationEvent, Type type, CancellationToken cancellationToken)
    {
        // The request that wrote the row is remote to the relay: its trace goes on here whether it was sampled or not
        // (a local unsampled parent would give no activity, and the event would start a trace of its own).
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        using var activity = MessagingMetrics.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await bus.Publish(integrationEvent, type, context =>
            {
                context.MessageId = message.Id;
                context.Serializer = new StoredPayloadSerializer(message.Payload);
            }, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm the publish within {_options.PublishTimeout}.");
        }
    }

    private async Task RecordBacklogAsync(TContext db, CancellationToken cancellationToken)
    {
        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.SentAt == null && m.DeadAt == null);
        var backlog = await pending.CountAsync(cancellationToken);
        var oldest = backlog == 0 ? (DateTimeOffset?)null : await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken);
        var dead = await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m => m.DeadAt != null, cancellationToken);
        _lastBacklogReading = clock.GetUtcNow();
        MessagingMetrics.RecordBacklog(OutboxName, backlog, oldest is null ? 0 : (_lastBacklogReading - oldest.Value).TotalSeconds, dead);
    }

    private TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(Math.Pow(2, Math.Min(attempt, 16)) * 0.25, _options.MaxRetryDelay.TotalSeconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
