using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// What ops watch of Reporting (meter <c>CountyTech.Reporting</c>): how many events were applied, and how fresh the
/// indicators are, i.e. how long ago each source's latest event was applied (read from the event log at start, see
/// <see cref="DataAgeSeeding"/>, then kept by every event applied).
/// </summary>
public sealed class ReportingMetrics
{
    public const string MeterName = "CountyTech.Reporting";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastEventAt = new(StringComparer.Ordinal);
    private readonly Counter<long> _eventsApplied;

    public ReportingMetrics(IMeterFactory meters, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _eventsApplied = meter.CreateCounter<long>(
            "countytech.reporting.events_applied", "{event}", "Integration events logged and applied to the projections.");
        meter.CreateObservableGauge(
            "countytech.reporting.data_age",
            () => _lastEventAt.Select(source => new Measurement<double>(
                (clock.GetUtcNow() - source.Value).TotalSeconds, new KeyValuePair<string, object?>("source", source.Key))),
            "s",
            "Seconds since the latest event of each source was applied: the age of the newest data in the indicators.");
    }

    public void EventApplied(EventLogEntry entry)
    {
        _eventsApplied.Add(1,
            new KeyValuePair<string, object?>("source", entry.Source),
            new KeyValuePair<string, object?>("event_type", entry.EventType));
        LatestEventReceived(entry.Source, entry.ReceivedAt);
    }

    /// <summary>Notes that <paramref name="source"/>'s data is as new as <paramref name="receivedAt"/>; an older time changes nothing.</summary>
    public void LatestEventReceived(string source, DateTimeOffset receivedAt) =>
        _lastEventAt.AddOrUpdate(source, receivedAt, (_, known) => known > receivedAt ? known : receivedAt);
}
