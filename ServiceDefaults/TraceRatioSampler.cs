using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Trace;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Records a share of the traces (链路采样, <c>Telemetry:TraceRatio</c>): a trace that starts here with a write (POST, PUT,
/// DELETE…) is always recorded, any other by its trace id's ratio; one that comes in follows its caller's flag. An
/// unrecorded trace still goes on, so that every log line and Reporting's event log keep the trace id of the request
/// they belong to: OpenTelemetry's own parent-based sampler makes no activity under an unrecorded local parent, and
/// then the message the outbox relay publishes, and the consumer that takes it, would start a trace of their own; here
/// such a message's activity is made, not exported. With <paramref name="readsPerSecond"/>, the reads that start here
/// and are picked by the ratio are recorded at most that many a second on average, with a burst of ten seconds' worth:
/// at the bureau's traffic every picked read is recorded, and under a load of hundreds of reads a second recording them
/// does not cost the gateway a tenth of its throughput (BENCHMARKS.md, runs of 2026-12-03).
/// </summary>
public sealed class TraceRatioSampler(double ratio, int? readsPerSecond, IHttpContextAccessor requests) : Sampler
{
    private static readonly SamplingResult Recorded = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult MadeNotExported = new(SamplingDecision.RecordOnly);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);
    private readonly TraceIdRatioBasedSampler _root = new(ratio);
    private readonly TokenBucketRateLimiter? _readBudget = readsPerSecond is { } perSecond
        ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // Replenished when asked (TryReplenish) by the time gone since, so no timer runs.
            TokenLimit = perSecond * 10, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0, AutoReplenishment = false,
        })
        : null;

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        var parent = parameters.ParentContext;
        if (parent.TraceId == default)
        {
            // The request whose activity this is: ASP.NET Core sets the accessor before it starts the activity.
            if (parameters.Kind == ActivityKind.Server && IsWrite(requests.HttpContext?.Request.Method))
            {
                return Recorded;
            }

            return _root.ShouldSample(parameters).Decision == SamplingDecision.RecordAndSample && WithinReadBudget() ? Recorded : Dropped;
        }

        if (parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
        {
            return Recorded;
        }

        // A remote unrecorded parent gives an activity that carries the trace on (OpenTelemetry's PropagationData). Under
        // a local one, only a message leaving the process needs its own activity: MassTransit writes the trace into the
        // message from it. Anything else (a database command, an HTTP call, which takes the current trace as it is)
        // gets none, which is most of what an unrecorded request saves.
        return parent.IsRemote || parameters.Kind != ActivityKind.Producer ? Dropped : MadeNotExported;
    }

    private bool WithinReadBudget()
    {
        if (_readBudget is null)
        {
            return true;
        }

        _readBudget.TryReplenish();
        using var lease = _readBudget.AttemptAcquire();
        return lease.IsAcquired;
    }

    /// <summary>A request that changes something: not GET, HEAD or OPTIONS.</summary>
    private static bool IsWrite(string? method) =>
        method is not null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
}
