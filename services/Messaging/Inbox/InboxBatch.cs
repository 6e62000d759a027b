using System.Diagnostics;
using System.Threading.Channels;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CountyTech.Messaging.Inbox;

/// <summary>How many deliveries the batched inbox commits together at most.</summary>
public sealed class InboxBatchOptions
{
    public int MaxBatchSize { get; set; } = 100;
}

/// <summary>
/// The batched inbox (批量收件) of <typeparamref name="TContext"/>: the first deliveries that this process's
/// <see cref="IdempotentConsumer{TContext, TMessage}"/>s hand in while a commit runs are committed together by the next
/// one, their inbox rows and effects in one transaction, so many messages cost one commit. When that transaction fails,
/// each delivery of the group is committed again alone: only a failing one (a poison message) fails its delivery, which
/// the bus retries and then moves to its <c>_error</c> queue, while the others commit. One group at a time, so the
/// groups never contend with each other for rows. The deliveries waiting are bounded by the consumers' concurrency (each
/// waits for its outcome).
/// </summary>
public sealed class InboxBatch<TContext>(
    IServiceScopeFactory scopes, IOptions<InboxBatchOptions> options, ILogger<InboxBatch<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly int _maxBatchSize = Math.Max(1, options.Value.MaxBatchSize);

    private readonly Channel<Delivery> _waiting = Channel.CreateBounded<Delivery>(
        new BoundedChannelOptions(Math.Max(1, options.Value.MaxBatchSize) * 10) { SingleReader = true });

    /// <summary>
    /// Commits <paramref name="effect"/> with the inbox row of (<paramref name="messageId"/>, <paramref name="consumer"/>)
    /// in a group; true when this was the first delivery (the effect committed), false for a duplicate.
    /// </summary>
    public async Task<bool> CommitAsync(
        Guid messageId, string consumer, DateTimeOffset processedAt, Func<TContext, CancellationToken, Task> effect,
        CancellationToken cancellationToken)
    {
        var delivery = new Delivery(messageId, consumer, processedAt, effect, Activity.Current, cancellationToken);
        await _waiting.Writer.WriteAsync(delivery, cancellationToken);
        return await delivery.Outcome.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Delivery>(_maxBatchSize);
        while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
        {
            group.Clear();
            while (group.Count < _maxBatchSize && _waiting.Reader.TryRead(out var delivery))
            {
                if (delivery.Cancellation.IsCancellationRequested)
                {
                    delivery.Outcome.TrySetCanceled(delivery.Cancellation);
                }
                else
                {
                    group.Add(delivery);
                }
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group, stoppingToken);
            }
        }
    }

    private async Task CommitGroupAsync(List<Delivery> group, CancellationToken cancellationToken)
    {
        try
        {
            var first = await CommitTogetherAsync(group, cancellationToken);
            MessagingMetrics.InboxBatchSize.Record(group.Count);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Outcome.TrySetResult(first[i]);
            }

            return;
        }
        catch (Exception ex) when (group.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            MessagingMetrics.InboxBatchIsolations.Add(1);
            logger.LogWarning(ex, "A group of {Count} deliveries failed to commit together; committing each alone", group.Count);
        }
        catch (Exception ex)
        {
            foreach (var delivery in group)
            {
                delivery.Outcome.TrySetException(ex);
            }

            return;
        }

        foreach (var delivery in group)
        {
            try
            {
                var first = await CommitTogetherAsync([delivery], cancellationToken);
                MessagingMetrics.InboxBatchSize.Record(1);
                delivery.Outcome.TrySetResult(first[0]);
            }
            catch (Exception ex)
            {
                delivery.Outcome.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One transaction: the group's inbox rows in one statement, then the effect of each delivery that is new (saved
    /// together when the transaction ends); retried as a whole on a transient failure.
    /// </summary>
    private async Task<bool[]> CommitTogetherAsync(IReadOnlyList<Delivery> group, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.InTransactionAsync(async (db, cancellationToken) =>
        {
            var first = await InboxMessage.RecordAllAsync(
                db, [.. group.Select(d => (d.MessageId, d.Consumer, d.ProcessedAt))], cancellationToken);
            for (var i = 0; i < group.Count; i++)
            {
                var delivery = group[i];
                if (first[i])
                {
                    // The effect runs under its delivery's trace, as it would in the consumer.
                    var previous = Activity.Current;
                    Activity.Current = delivery.Activity;
                    try
                    {
                        await delivery.Effect(db, cancellationToken);
                    }
                    finally
                    {
                        Activity.Current = previous;
                    }
                }
            }

            return first;
        }, cancellationToken);
    }

    private sealed record Delivery(
        Guid MessageId, string Consumer, DateTimeOffset ProcessedAt, Func<TContext, CancellationToken, Task> Effect, Activity? Activity,
        CancellationToken Cancellation)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
