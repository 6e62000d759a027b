using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// What every CountyTech process shares: telemetry, health, service discovery, resilience, problem details
/// and the JSON conventions of API.md (camelCase, kebab-case enums, decimals without trailing zeros, no control
/// characters in strings).
/// </summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new GatewaySecret(GatewayProof.SecretFrom(builder.Configuration, builder.Environment)));
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddApiProblemDetails();
        builder.Services.AddGatewayOpenApi();
        return builder;
    }

    /// <summary>The JSON conventions of API.md, for servers and for clients that talk to them.</summary>
    public static JsonSerializerOptions ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new CanonicalDecimalConverter());
        options.Converters.Add(new ControlCharacterStringConverter());
        return options;
    }

    /// <summary>
    /// Error handling, the refusal of control characters in paths and queries, the health probes and the OpenAPI
    /// document. A service's <c>/health</c> is its readiness (its database included); on the public entrance (the
    /// gateway, <paramref name="publicEntrance"/>) both probes answer liveness only, so that an anonymous caller can
    /// neither make the database work nor learn how it is; its readiness is on its management port (<see cref="ManagementPort"/>).
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, bool publicEntrance = false)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The services check bodies too; the gateway leaves them to the service that reads them.
        app.UseMiddleware<RequestTextGuard>(!publicEntrance);

        if (publicEntrance)
        {
            app.UseManagementHealth();
        }

        // Probes are anonymous: the gateway never routes them, orchestrators call them directly.
        var live = new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) };
        app.MapHealthChecks(HealthPath, publicEntrance ? live : new HealthCheckOptions()).AllowAnonymous();
        app.MapHealthChecks(AlivePath, live).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>Whether a path is one of the health probes, which stay out of traces and rate limits.</summary>
    public static bool IsHealthProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}
