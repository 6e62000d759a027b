using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CountyTech.ServiceDefaults;

namespace CountyTech.Messaging;

/// <summary>
/// What ops watch of the messaging: outbox backlog, age and dead rows, publishes and publish retries, duplicates,
/// inbox batches, consumer lag and retries, and the depth of the <c>_error</c> queues. The README's runbook says what each means.
/// </summary>
public static class MessagingMetrics
{
    public const string Name = Telemetry.SourcePrefix + ".Messaging";
    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, (long Backlog, double OldestAgeSeconds, long Dead)> Backlogs = new();
    private static readonly ConcurrentDictionary<string, long> ErrorQueueDepths = new();

    internal static readonly Counter<long> Published =
        Meter.CreateCounter<long>("countytech.outbox.published", "{message}", "Outbox rows published to the broker.");

    internal static readonly Counter<long> PublishFailures =
        Meter.CreateCounter<long>("countytech.outbox.publish_failures", "{message}", "Publish attempts that failed and will be retried.");

    internal static readonly Counter<long> DeadLettered =
        Meter.CreateCounter<long>("countytech.outbox.dead_lettered", "{message}", "Outbox rows given up: they cannot be read back into an event.");

    internal static readonly Counter<long> ConsumeRetries =
        Meter.CreateCounter<long>("countytech.consumer.retries", "{attempt}", "Deliveries consumed again after a failure (a transient one waited out, or one of the quick retries).");

    internal static readonly Counter<long> DuplicatesIgnored =
        Meter.CreateCounter<long>("countytech.inbox.duplicates", "{message}", "Deliveries already processed, acknowledged and ignored.");

    internal static readonly Histogram<int> InboxBatchSize =
        Meter.CreateHistogram<int>("countytech.inbox.batch_size", "{message}", "Deliveries committed together by a batched inbox.");

    internal static readonly Counter<long> InboxBatchIsolations =
        Meter.CreateCounter<long>("countytech.inbox.batch_isolations", "{group}", "Groups that failed together and were committed one delivery at a time.");

    internal static readonly Histogram<double> ConsumerLag =
        Meter.CreateHistogram<double>("countytech.consumer.lag", "s", "Time from publish to the consumer's effect.");

    static MessagingMetrics()
    {
        Meter.CreateObservableGauge("countytech.outbox.backlog",
            () => Backlogs.Select(b => new Measurement<long>(b.Value.Backlog, new KeyValuePair<string, object?>("outbox", b.Key))),
            "{message}", "Outbox rows not yet published.");
        Meter.CreateObservableGauge("countytech.outbox.oldest_age",
            () => Backlogs.Select(b => new Measurement<double>(b.Value.OldestAgeSeconds, new KeyValuePair<string, object?>("outbox", b.Key))),
            "s", "Age of the oldest outbox row not yet published.");
        Meter.CreateObservableGauge("countytech.outbox.dead",
            () => Backlogs.Select(b => new Measurement<long>(b.Value.Dead, new KeyValuePair<string, object?>("outbox", b.Key))),
            "{message}", "Outbox rows in the dead state (dead_at set): never published until an operator clears them.");
        Meter.CreateObservableGauge("countytech.messaging.error_queue_depth",
            () => ErrorQueueDepths.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            "{message}", "Messages waiting in each of this service's _error queues: deliveries that failed every retry.");
    }

    internal static void RecordBacklog(string outbox, long backlog, double oldestAgeSeconds, long dead) =>
        Backlogs[outbox] = (backlog, oldestAgeSeconds, dead);

    internal static void RecordErrorQueueDepth(string queue, long depth) => ErrorQueueDepths[queue] = depth;
}
