using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CountyTech.Messaging.Inbox;

/// <summary>
/// A consumer whose effect happens once per MessageId, however often the broker delivers it. The inbox row and the
/// effect commit in one transaction: a duplicate finds the row, is acknowledged and changes nothing; a failure rolls
/// both back so the retry (and, after the retries, the <c>_error</c> queue) sees the message as new.
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(TContext db, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    /// <summary>Name of this consumer in the inbox key; stable across deployments.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var cancellationToken = context.CancellationToken;
        db.ChangeTracker.Clear();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var firstDelivery = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO inbox_message (message_id, consumer, processed_at)
            VALUES ({messageId}, {ConsumerName}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken) == 1;
        if (!firstDelivery)
        {
            MessagingMetrics.DuplicatesIgnored.Add(1);
            logger.LogInformation("{Consumer} already processed message {MessageId}; ignoring the duplicate", ConsumerName, messageId);
            return;
        }

        await HandleAsync(context, db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        if (context.SentTime is { } sent)
        {
            MessagingMetrics.ConsumerLag.Record((clock.GetUtcNow().UtcDateTime - sent).TotalSeconds);
        }
    }

    /// <summary>The effect of a first delivery: change <paramref name="db"/>; it is saved with the inbox row.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, TContext db, CancellationToken cancellationToken);
}
