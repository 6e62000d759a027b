using CountyTech.Messaging.Inbox;
using CountyTech.Reporting.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace CountyTech.Reporting.IntegrationEvents;

/// <summary>
/// Consumes <typeparamref name="TEvent"/> once per MessageId: logs it in the event log (事件日志) and applies its
/// projections, both in the inbox transaction. One generic consumer serves every event type of every area.
/// </summary>
public sealed class EventLogConsumer<TEvent> : IdempotentConsumer<ReportingDbContext, TEvent>, IConsumer<TEvent>
    where TEvent : class
{
    private static readonly ReportedEvent<TEvent> Reported = new();
    private readonly IEnumerable<IProjection<TEvent>> _projections;
    private readonly ReportingMetrics _metrics;
    private readonly TimeProvider _clock;
    private EventLogEntry? _logged;

    public EventLogConsumer(
        ReportingDbContext db,
        IEnumerable<IProjection<TEvent>> projections,
        ReportingMetrics metrics,
        TimeProvider clock,
        ILogger<EventLogConsumer<TEvent>> logger)
        : base(db, clock, logger)
    {
        _projections = projections;
        _metrics = metrics;
        _clock = clock;
    }

    /// <summary>Stable per event type: the generic type's own name would be the same for all of them.</summary>
    protected override string ConsumerName => "event-log:" + Reported.Name;

    /// <summary>The inbox transaction, then the metrics: only an event whose effect committed is counted.</summary>
    async Task IConsumer<TEvent>.Consume(ConsumeContext<TEvent> context)
    {
        _logged = null;
        await Consume(context);
        if (_logged is not null)
        {
            _metrics.EventApplied(_logged);
        }
    }

    protected override async Task HandleAsync(ConsumeContext<TEvent> context, ReportingDbContext db, CancellationToken cancellationToken)
    {
        var logged = Reported.Log(context.Message, context.MessageId!.Value, context.SentTime, _clock.GetUtcNow());
        db.EventLog.Add(logged);

        // The log first: while a rebuild holds the log, this waits before touching any projection (one lock order).
        await db.SaveChangesAsync(cancellationToken);
        await ReportedEvent<TEvent>.ApplyAsync(context.Message, logged.MessageId, _projections, db, cancellationToken);
        _logged = logged;
    }
}
