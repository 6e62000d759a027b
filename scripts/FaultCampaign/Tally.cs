using System.Diagnostics;

namespace CountyTech.FaultCampaign;

/// <summary>Counts of what the gateway answered, from the start of the load; a round's are the difference of two.</summary>
internal sealed record Answers(long Acknowledged, long ServerErrors500, long Unavailable503, long Unavailable503WithoutRetryAfter,
    long OtherServerErrors, long ConnectionFailures, long Refused, long Unresolved)
{
    public Answers Minus(Answers earlier) => new(
        Acknowledged - earlier.Acknowledged, ServerErrors500 - earlier.ServerErrors500, Unavailable503 - earlier.Unavailable503,
        Unavailable503WithoutRetryAfter - earlier.Unavailable503WithoutRetryAfter, OtherServerErrors - earlier.OtherServerErrors,
        ConnectionFailures - earlier.ConnectionFailures, Refused - earlier.Refused, Unresolved - earlier.Unresolved);

    /// <summary>Every 5xx: the 500s, the 503s and the others (502/504 from the gateway while a service is down).</summary>
    public long ServerErrors => ServerErrors500 + Unavailable503 + Unavailable503WithoutRetryAfter + OtherServerErrors;
}

/// <summary>
/// What the load saw, shared by its workers: every answer counted, every acknowledgement on a timeline (for the
/// throughput before and after a fault), and what the acknowledged writes add to the indicators.
/// </summary>
internal sealed class Tally
{
    private static readonly TimeSpan Bucket = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long[] _acknowledgedPerBucket = new long[(int)(TimeSpan.FromHours(3) / Bucket)];
    private readonly Dictionary<string, decimal> _expected = [];
    private readonly Dictionary<string, decimal> _uncertain = [];
    private readonly Dictionary<string, decimal> _perWrite = [];
    private long _acknowledged, _errors500, _unavailable, _unavailableBare, _otherErrors, _connectionFailures, _refused, _unresolved;

    public TimeSpan Now => _clock.Elapsed;

    public Answers Answers => new(Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _errors500), Interlocked.Read(ref _unavailable),
        Interlocked.Read(ref _unavailableBare), Interlocked.Read(ref _otherErrors), Interlocked.Read(ref _connectionFailures),
        Interlocked.Read(ref _refused), Interlocked.Read(ref _unresolved));

    public void Acknowledged(IReadOnlyDictionary<string, decimal> adds)
    {
        Interlocked.Increment(ref _acknowledged);
        Interlocked.Increment(ref _acknowledgedPerBucket[(int)(_clock.Elapsed / Bucket)]);
        Add(_expected, adds);
    }

    public void ServerError(int status, bool retryAfter)
    {
        switch (status)
        {
            case 500: Interlocked.Increment(ref _errors500); break;
            case 503 when retryAfter: Interlocked.Increment(ref _unavailable); break;
            case 503: Interlocked.Increment(ref _unavailableBare); break;
            default: Interlocked.Increment(ref _otherErrors); break;
        }
    }

    public void ConnectionFailed() => Interlocked.Increment(ref _connectionFailures);

    public void Refused() => Interlocked.Increment(ref _refused);

    /// <summary>A write given up on: it may or may not have taken effect, so what it adds is kept apart.</summary>
    public void Unresolved(IReadOnlyDictionary<string, decimal> adds)
    {
        Interlocked.Increment(ref _unresolved);
        Add(_uncertain, adds);
    }

    /// <summary>
    /// The indicator each kind of write is counted by (the first it adds to), with what one write adds to it: the
    /// difference there, over that, is how many writes were lost or doubled.
    /// </summary>
    public Dictionary<string, decimal> CountedBy()
    {
        lock (_expected)
        {
            return new Dictionary<string, decimal>(_perWrite);
        }
    }

    /// <summary>What the acknowledged writes add to each indicator, and what the unresolved ones might.</summary>
    public (Dictionary<string, decimal> Expected, Dictionary<string, decimal> Uncertain) Totals()
    {
        lock (_expected)
        {
            return (new Dictionary<string, decimal>(_expected), new Dictionary<string, decimal>(_uncertain));
        }
    }

    /// <summary>Acknowledged writes a second over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double RatePerSecond(TimeSpan from, TimeSpan to)
    {
        var first = (int)(from / Bucket);
        var last = (int)(to / Bucket);
        long count = 0;
        for (var i = first; i < last; i++)
        {
            count += Interlocked.Read(ref _acknowledgedPerBucket[i]);
        }

        return last > first ? count / ((last - first) * Bucket.TotalSeconds) : 0;
    }

    private void Add(Dictionary<string, decimal> totals, IReadOnlyDictionary<string, decimal> adds)
    {
        lock (_expected)
        {
            if (adds.Count > 0)
            {
                var (counted, unit) = adds.First();
                _perWrite.TryAdd(counted, unit);
            }

            foreach (var (code, amount) in adds)
            {
                totals[code] = totals.GetValueOrDefault(code) + amount;
            }
        }
    }
}
