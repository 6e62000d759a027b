using MassTransit;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyTech.Messaging.Inbox;

/// <summary>
/// A consumer whose effect happens once per MessageId, however often the broker delivers it. The inbox row and the
/// effect commit in one transaction: a duplicate finds the row, is acknowledged and changes nothing; a failure rolls
/// both back so the retry (and, after the retries, the <c>_error</c> queue) sees the message as new. In a service with a
/// batched inbox (<see cref="InboxBatch{TContext}"/>), the transaction is shared with the other
/// deliveries committed in the same group; a delivery whose effect fails is then committed alone, so it fails alone.
/// The context is taken from the delivery's scope (<paramref name="services"/>) only when the service has no batched
/// inbox: a delivery handed to the group holds none while it waits.
/// </summary>
public abstract class IdempotentConsumer<TContext, TMessage>(
    IServiceProvider services, TimeProvider clock, ILogger logger) : IConsumer<TMessage>
    where TContext : DbContext
    where TMessage : class
{
    protected TimeProvider Clock => clock;

    /// <summary>Name of this consumer in the inbox key; stable across deployments.</summary>
    protected virtual string ConsumerName => GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        // Retried as a whole on a transient database failure: a retry after a commit whose answer was lost finds the
        // inbox row and changes nothing.
        var firstDelivery = services.GetService<InboxBatch<TContext>>() is { } batch
            ? await batch.CommitAsync(messageId, ConsumerName, clock.GetUtcNow(),
                (db, cancellationToken) => HandleAsync(context, db, cancellationToken), context.CancellationToken)
            : await services.GetRequiredService<TContext>().InTransactionAsync(async (db, cancellationToken) =>
            {
                var inserted = await InboxMessage.RecordAsync(db, messageId, ConsumerName, clock.GetUtcNow(), cancellationToken);
                if (inserted)
                {
                    await HandleAsync(context, db, cancellationToken);
                }

                return inserted;
            }, context.CancellationToken);

        if (!firstDelivery)
        {
            MessagingMetrics.DuplicatesIgnored.Add(1);
            logger.LogInformation("{Consumer} already processed message {MessageId}; ignoring the duplicate", ConsumerName, messageId);
        }

        await OnHandledAsync(context, firstDelivery);
        if (context.SentTime is { } sent)
        {
            MessagingMetrics.ConsumerLag.Record((clock.GetUtcNow().UtcDateTime - sent).TotalSeconds);
        }
    }

    /// <summary>The effect of a first delivery: change <paramref name="db"/>; it is saved with the inbox row.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, TContext db, CancellationToken cancellationToken);

    /// <summary>
    /// After a delivery is settled: its effect committed (<paramref name="firstDelivery"/>) or recognised as a duplicate.
    /// The place for what must count only committed work, such as metrics.
    /// </summary>
    protected virtual Task OnHandledAsync(ConsumeContext<TMessage> context, bool firstDelivery) => Task.CompletedTask;
}
