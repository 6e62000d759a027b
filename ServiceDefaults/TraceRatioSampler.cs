using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using OpenTelemetry.Trace;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Records a share of the traces (链路采样, <c>Telemetry:TraceRatio</c>): a trace that starts here with a write (POST, PUT,
/// DELETE…) is always recorded, any other by its trace id's ratio; one that comes in follows its caller's flag. An
/// unrecorded trace still goes on, so that every log line and Reporting's event log keep the trace id of the request
/// they belong to: OpenTelemetry's own parent-based sampler makes no activity under an unrecorded local parent, and
/// then the message the outbox relay publishes, and the consumer that takes it, would start a trace of their own; here
/// such a message's activity is made, not exported.
/// </summary>
public sealed class TraceRatioSampler(double ratio, IHttpContextAccessor requests) : Sampler
{
    private static readonly SamplingResult Recorded = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult MadeNotExported = new(SamplingDecision.RecordOnly);
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);
    private readonly TraceIdRatioBasedSampler _root = new(ratio);

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        var parent = parameters.ParentContext;
        if (parent.TraceId == default)
        {
            // The request whose activity this is: ASP.NET Core sets the accessor before it starts the activity.
            return parameters.Kind == ActivityKind.Server && IsWrite(requests.HttpContext?.Request.Method)
                ? Recorded
                : _root.ShouldSample(parameters);
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

    /// <summary>A request that changes something: not GET, HEAD or OPTIONS.</summary>
    private static bool IsWrite(string? method) =>
        method is not null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
}
