using System.Diagnostics.Metrics;

namespace CountyTech.Messaging.Tests;

/// <summary>What the batched inbox reports while a test runs: the largest group committed together, and the groups split.</summary>
public sealed class InboxBatchReadings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private int _largestGroup;
    private long _isolations;

    public InboxBatchReadings()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MessagingMetrics.Name && instrument.Name.StartsWith("countytech.inbox.batch_", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            lock (_gate)
            {
                _largestGroup = Math.Max(_largestGroup, size);
            }
        });
        _listener.SetMeasurementEventCallback<long>((_, count, _, _) => Interlocked.Add(ref _isolations, count));
        _listener.Start();
    }

    public int LargestGroup
    {
        get
        {
            lock (_gate)
            {
                return _largestGroup;
            }
        }
    }

    public long Isolations => Interlocked.Read(ref _isolations);

    public void Dispose() => _listener.Dispose();
}
