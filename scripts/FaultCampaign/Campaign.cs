namespace CountyTech.FaultCampaign;

/// <summary>One fault's outcome: what the gateway answered meanwhile, writes lost or doubled, how fast throughput came back.</summary>
internal sealed record RoundResult(Fault Fault, Answers Answers, long Lost, long Duplicated, Comparison Comparison, bool Ready,
    double RateBefore, TimeSpan? Recovery, TimeSpan Drained)
{
    public static readonly TimeSpan RecoveryGoal = TimeSpan.FromSeconds(30);

    public bool Passed => RateBefore > 0 && Recovery <= RecoveryGoal && Correct;

    /// <summary>
    /// Nothing lost or doubled and no answer but a 503 with Retry-After: what the short form in CI asserts (throughput's
    /// recovery time, judged by the full form, swings with whatever else loads a CI machine, so it is reported only).
    /// </summary>
    public bool Correct => Lost == 0 && Duplicated == 0 && Comparison.Equal && Ready
        && Answers.ServerErrors500 == 0 && Answers.Unavailable503WithoutRetryAfter == 0 && Answers.OtherServerErrors == 0
        && Answers.Refused == 0 && Answers.Unresolved == 0;
}

/// <summary>
/// The campaign: for each fault, the load runs undisturbed for a while (the rate before), the fault is injected and
/// ends, the time until throughput is back to ≥ 0.9× is measured, then the load pauses and the indicators are compared
/// with every acknowledged write once the pipeline has drained.
/// </summary>
internal sealed class Campaign(SustainedLoad load, Tally tally, Indicators indicators, Services services, TimeSpan before)
{
    private const double Recovered = 0.9;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Watch = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(120);
    private Comparison _previous = new(0, 0, true, "");

    public async Task<RoundResult> RunAsync(Fault fault)
    {
        load.Resume();
        await Task.Delay(WarmUp);
        var answered = tally.Answers;
        var from = tally.Now;
        await Task.Delay(before);
        var rateBefore = tally.RatePerSecond(from, tally.Now);

        Console.WriteLine($"  {fault.Name}: {rateBefore:0.0} writes/s before");
        await fault.InjectAsync();
        var ended = tally.Now;
        var ready = fault.Ready is null || await services.ReadyAsync(fault.Ready);
        var recovery = await RecoveryAsync(ended, rateBefore);

        await load.PauseAsync();
        var (comparison, drained) = await indicators.DrainedAsync(DrainPatience);
        var result = new RoundResult(fault, tally.Answers.Minus(answered),
            Math.Max(0, comparison.Lost - _previous.Lost), Math.Max(0, comparison.Duplicated - _previous.Duplicated),
            comparison, ready, rateBefore, recovery, drained);
        _previous = comparison;
        return result;
    }

    /// <summary>
    /// From the end of the fault, the start of the first <see cref="Window"/> over which the acknowledged writes a second
    /// are ≥ 0.9× the rate before; null when not within <see cref="Watch"/>.
    /// </summary>
    private async Task<TimeSpan?> RecoveryAsync(TimeSpan ended, double rateBefore)
    {
        for (var start = ended; start < ended + Watch; start += TimeSpan.FromMilliseconds(250))
        {
            while (tally.Now < start + Window)
            {
                await Task.Delay(100);
            }

            if (tally.RatePerSecond(start, start + Window) >= Recovered * rateBefore)
            {
                return start - ended;
            }
        }

        return null;
    }
}
