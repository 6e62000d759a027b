using System.Diagnostics;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Trace;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// The sampler's limit on recorded reads (the rest of its rules are checked end to end by Platform.Tests'
/// <c>TraceSamplingTests</c>): a burst of reads that the ratio picks is recorded up to ten seconds' worth of the limit,
/// then no more until time passes; writes and a caller's recorded traces are never limited.
/// </summary>
public sealed class TraceSamplerTests
{
    private const int ReadsPerSecond = 3;

    [Fact]
    public async Task Reads_beyond_the_limit_are_not_recorded_until_it_replenishes_and_writes_and_callers_are_never_limited()
    {
        var requests = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var sampler = new TraceRatioSampler(1, ReadsPerSecond, requests);

        // Far fewer than a second's worth of time passes here, so nothing replenishes during the burst.
        Assert.Equal(ReadsPerSecond * 10, Enumerable.Range(0, 100).Count(_ => IsRecorded(sampler, requests, "GET", default)));

        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(IsRecorded(sampler, requests, "POST", default)));
        var callersRecorded = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(IsRecorded(sampler, requests, "GET", callersRecorded)));
        Assert.False(IsRecorded(sampler, requests, "GET", default));

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var afterASecond = Enumerable.Range(0, 100).Count(_ => IsRecorded(sampler, requests, "GET", default));
        Assert.InRange(afterASecond, ReadsPerSecond, ReadsPerSecond * 2);
    }

    [Fact]
    public void Without_a_limit_every_read_the_ratio_picks_is_recorded()
    {
        var requests = new HttpContextAccessor { HttpContext = new DefaultHttpContext() };
        var sampler = new TraceRatioSampler(1, null, requests);

        Assert.Equal(500, Enumerable.Range(0, 500).Count(_ => IsRecorded(sampler, requests, "GET", default)));
    }

    private static bool IsRecorded(TraceRatioSampler sampler, HttpContextAccessor requests, string method, ActivityContext parent)
    {
        requests.HttpContext!.Request.Method = method;
        var parameters = new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "request", ActivityKind.Server);
        return sampler.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample;
    }
}
