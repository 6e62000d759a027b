using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CountyTech.Reporting.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

/// <summary>Records what one service instance measures on its <c>CountyTech.Reporting</c> meter, with each measurement's source.</summary>
public sealed class ReportingMeasurements : IDisposable
{
    private readonly ConcurrentBag<(string Instrument, double Value, string? Source)> _measured = [];
    private readonly MeterListener _listener = new();

    public ReportingMeasurements(ReportingServiceFactory service)
    {
        var meters = service.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ReportingMetrics.MeterName && instrument.Meter.Scope == meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measured.Add((instrument.Name, value, SourceOf(tags))));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measured.Add((instrument.Name, value, SourceOf(tags))));
        _listener.Start();
    }

    /// <summary>Every measurement of <paramref name="instrument"/> tagged with <paramref name="source"/> so far.</summary>
    public IReadOnlyList<double> Of(string instrument, string source) =>
        _measured.Where(m => m.Instrument == instrument && m.Source == source).Select(m => m.Value).ToList();

    /// <summary>Reads the gauges now (they are observed, not pushed).</summary>
    public void ObserveGauges() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private static string? SourceOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "source")
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
