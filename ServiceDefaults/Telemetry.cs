using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CountyTech.ServiceDefaults;

/// <summary>Traces, metrics and logs over OpenTelemetry, exported by OTLP when the orchestrator configures it.</summary>
public static class Telemetry
{
    /// <summary>Prefix of every CountyTech activity source and meter.</summary>
    public const string SourcePrefix = "CountyTech";

    /// <summary>The share of traces recorded (<see cref="TraceRatioSampler"/>).</summary>
    public const string TraceRatioKey = "Telemetry:TraceRatio";

    /// <summary>At most how many of the reads the ratio picks are recorded a second (<see cref="TraceRatioSampler"/>).</summary>
    public const string TracedReadsPerSecondKey = "Telemetry:TracedReadsPerSecond";

    /// <summary>
    /// Framework categories that log every request at Information (ASP.NET Core's request start and end and endpoint,
    /// EF Core's every command): Warning unless configuration says otherwise. Issue 7's profile of Projects under load
    /// found these lines, written to the console and exported to the dashboard, a tenth of its CPU.
    /// </summary>
    private static readonly string[] PerRequestCategories = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        // First in the list, so that a configured level for the same category (appsettings, environment) wins.
        builder.Services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var category in PerRequestCategories)
            {
                options.Rules.Insert(0, new LoggerFilterRule(null, category, LogLevel.Warning, null));
            }
        });

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddHttpContextAccessor(); // the trace sampler reads the request's method
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Npgsql", SourcePrefix + ".*"))
            .WithTracing(tracing => tracing
                .SetTraceRatio(builder.Configuration)
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit", "Npgsql", SourcePrefix + ".*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !Extensions.IsHealthProbe(context.Request.Path))
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = request =>
                    request.RequestUri is null || !Extensions.IsHealthProbe(new PathString(request.RequestUri.AbsolutePath))));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The share of traces recorded, from <c>Telemetry:TraceRatio</c> (0 to 1; the AppHost sets it), and the most reads
    /// recorded a second, from <c>Telemetry:TracedReadsPerSecond</c> (no limit without it); without a ratio every trace
    /// is (OpenTelemetry's default, or its <c>OTEL_TRACES_SAMPLER</c>).
    /// </summary>
    private static TracerProviderBuilder SetTraceRatio(this TracerProviderBuilder tracing, IConfiguration configuration)
    {
        var text = configuration[TraceRatioKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return tracing;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) || ratio is < 0 or > 1)
        {
            throw new InvalidOperationException($"{TraceRatioKey} must be a number from 0 to 1 (the share of traces recorded), not '{text}'.");
        }

        var perSecondText = configuration[TracedReadsPerSecondKey];
        int? perSecond = null;
        if (!string.IsNullOrWhiteSpace(perSecondText))
        {
            perSecond = int.TryParse(perSecondText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new InvalidOperationException($"{TracedReadsPerSecondKey} must be a whole number above 0 (reads recorded a second at most), not '{perSecondText}'.");
        }

        return tracing.SetSampler(services => new TraceRatioSampler(ratio, perSecond, services.GetRequiredService<IHttpContextAccessor>()));
    }
}
