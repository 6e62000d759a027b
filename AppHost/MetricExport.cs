using System.Globalization;

namespace CountyTech.AppHost;

/// <summary>
/// How often the services and the gateway send their metrics to the dashboard: every 10 s instead of the orchestrator's
/// every second. Each export collects every instrument of the process (HTTP server and client, EF Core, Npgsql,
/// MassTransit, the runtime, the platform's own) whether or not anything happened, and the dashboard ingests them all:
/// with the platform idle, the dashboard used 1.48 s of CPU per 20 s with exports every second and 0.43 s with exports
/// every 10 s (issue 7, BENCHMARKS.md, "Idle cost"). The dashboard's charts move every 10 s; traces and logs still
/// arrive within a second.
/// </summary>
internal static class MetricExport
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public static IDistributedApplicationBuilder WithMetricExportInterval(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Projects())
        {
            // Read by the OpenTelemetry SDK itself; it replaces the orchestrator's value of 1000.
            project.WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", ((int)Interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        return builder;
    }
}
