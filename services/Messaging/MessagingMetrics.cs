using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CountyTech.ServiceDefaults;

namespace CountyTech.Messaging;

/// <summary>What ops watch of the messaging: outbox backlog and age, publishes, duplicates, inbox batches, consumer lag.</summary>
public static class MessagingMetrics
{
    public const string Name = Telemetry.SourcePrefix + ".Messaging";
    internal static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly ConcurrentDictionary<string, (long Backlog, double OldestAgeSeconds)> Backlogs = new();

    internal static readonly Counter<long> Published =
        Meter.CreateCounter<long>("countytech.outbox.published", "{message}", "Outbox rows published to the broker.");

    internal static readonly Counter<long> PublishFailures =
        Meter.CreateCounter<long>("countytech.outbox.publish_failures", "{message}", "Publish attempts that failed and will be retried.");

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
    }

    internal static void RecordBacklog(string outbox, long backlog, double oldestAgeSeconds) =>
        Backlogs[outbox] = (backlog, oldestAgeSeconds);
}
