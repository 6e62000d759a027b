using System.Diagnostics;
using OpenTelemetry.Trace;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Records a share of the traces (链路采样, <c>Telemetry:TraceRatio</c>): a trace that starts here is recorded by its
/// trace id's ratio, one that comes in follows its caller's flag. An unrecorded trace still goes on: inside the
/// process its spans are made but not exported (OpenTelemetry's own parent-based sampler makes none under an unrecorded
/// local parent, so the broker message, and the next service, would start a trace of their own), so every log line and
/// Reporting's event log keep the trace id of the request they belong to.
/// </summary>
public sealed class TraceRatioSampler(double ratio) : Sampler
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
            return _root.ShouldSample(parameters);
        }

        if (parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
        {
            return Recorded;
        }

        // A remote unrecorded parent gives an activity that carries the trace on (OpenTelemetry's PropagationData).
        return parent.IsRemote ? Dropped : MadeNotExported;
    }
}
