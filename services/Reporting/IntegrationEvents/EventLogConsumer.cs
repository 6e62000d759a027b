using CountyTech.Messaging.Inbox;
using CountyTech.Reporting.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CountyTech.Reporting.IntegrationEvents;

/// <summary>
/// Consumes <typeparamref name="TEvent"/> once per MessageId: logs it in the event log (事件日志) and applies its
/// projections, both in the inbox transaction, which the batched inbox shares among the deliveries of all event types
/// arriving together. One generic consumer serves every event type of every area.
/// </summary>
public sealed class EventLogConsumer<TEvent>(
    IServiceProvider services,
    IEnumerable<IProjection<TEvent>> projections,
    ReportingMetrics metrics,
    TimeProvider clock,
    ILogger<EventLogConsumer<TEvent>> logger) : IdempotentConsumer<ReportingDbContext, TEvent>(services, clock, logger)
    where TEvent : class
{
    private static readonly ReportedEvent<TEvent> Reported = new();
    private EventLogEntry? _logged;

    /// <summary>Stable per event type: the generic type's own name would be the same for all of them.</summary>
    protected override string ConsumerName => "event-log:" + Reported.Name;

    protected override async Task HandleAsync(ConsumeContext<TEvent> context, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var logged = Reported.Log(context.Message, context.MessageId!.Value, context.SentTime, Clock.GetUtcNow());
        db.EventLog.Add(logged);

        // Saved with the group's other entries, before their facts: while a rebuild holds the log, this waits before
        // touching any projection (one lock order).
        await ReportedEvent<TEvent>.ApplyAsync(context.Message, logged.MessageId, projections, db, cancellationToken);
        _logged = logged;
    }

    /// <summary>Only an event whose effect committed is counted; a duplicate is not.</summary>
    protected override Task OnHandledAsync(ConsumeContext<TEvent> context, bool firstDelivery)
    {
        if (firstDelivery && _logged is not null)
        {
            metrics.EventApplied(_logged);
        }

        return Task.CompletedTask;
    }
}
