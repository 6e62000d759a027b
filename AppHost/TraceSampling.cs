using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CountyTech.AppHost;

/// <summary>
/// Which requests are traced (链路采样): every service and the gateway record every write and one other trace in ten
/// that starts with them (<c>COUNTYTECH_TRACE_RATIO</c> in the AppHost's environment or a
/// <c>--COUNTYTECH_TRACE_RATIO=…</c> argument, 0 to 1; 1 records everything) and follow the caller's decision
/// otherwise, so a trace is whole or absent from the gateway through the services and the broker to Reporting
/// (ServiceDefaults' <c>TraceRatioSampler</c>). A caller that needs one request traced sends a <c>traceparent</c> marked
/// recorded (<c>…-01</c>). Every log line keeps its trace id either way. The orchestrator's default, every span of every
/// request exported to the dashboard, was most of the gateway's added latency (issue 7, BENCHMARKS.md). Of the reads the
/// ratio picks, each process records at most ten a second on average (<c>COUNTYTECH_TRACED_READS_PER_SECOND</c>, a whole
/// number): at the bureau's traffic that limit is never reached, and under hundreds of reads a second recording one in
/// ten cost the gateway about a tenth of its throughput (BENCHMARKS.md, runs of 2026-12-03).
/// </summary>
internal static class TraceSampling
{
    public const string VariableName = "COUNTYTECH_TRACE_RATIO";
    public const string ReadsPerSecondVariableName = "COUNTYTECH_TRACED_READS_PER_SECOND";
    private const string DefaultRatio = "0.1";
    private const string DefaultReadsPerSecond = "10";

    public static IDistributedApplicationBuilder WithTraceSampling(this IDistributedApplicationBuilder builder)
    {
        var ratio = builder.Configuration[VariableName] is { Length: > 0 } configured ? configured : DefaultRatio;
        if (!double.TryParse(ratio, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1)
        {
            throw new InvalidOperationException($"{VariableName} must be a number from 0 to 1 (the share of traces recorded), not '{ratio}'.");
        }

        var readsPerSecond = builder.Configuration[ReadsPerSecondVariableName] is { Length: > 0 } limit ? limit : DefaultReadsPerSecond;
        if (!int.TryParse(readsPerSecond, NumberStyles.None, CultureInfo.InvariantCulture, out var perSecond) || perSecond < 1)
        {
            throw new InvalidOperationException($"{ReadsPerSecondVariableName} must be a whole number above 0 (reads recorded a second at most), not '{readsPerSecond}'.");
        }

        foreach (var project in builder.Projects())
        {
            project.WithEnvironment("Telemetry__TraceRatio", ratio);
            project.WithEnvironment("Telemetry__TracedReadsPerSecond", readsPerSecond);
        }

        return builder;
    }
}
