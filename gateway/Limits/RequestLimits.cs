using System.Globalization;
using System.Threading.RateLimiting;
using CountyTech.Gateway.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// Per-client rate limits (限流) and the request body limit. A client is limited by its client id whichever key or
/// token it uses, at its own <c>requestsPerMinute</c> where the administrator set one; requests without valid
/// credentials are limited per remote address before authentication (<see cref="UnauthenticatedLimitMiddleware"/>);
/// health probes are never limited. The per-client limit is one for all gateway instances on the same database
/// (<see cref="SharedRateLimits"/>).
/// </summary>
internal static class RequestLimits
{
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>()
            .BindConfiguration(RequestLimitsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Kestrel enforces the limit while reading bodies sent without a Content-Length (chunked).
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
                kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);

        builder.Services.AddSingleton<SharedRateLimits>();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<RequestLimitsOptions>>((options, limits) =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Partition(context, limits.Value));
                options.OnRejected = (rejection, _) => RejectAsync(rejection, limits.Value.Window);
            });
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<RequestBodyLimitMiddleware>();

    public static IApplicationBuilder UseUnauthenticatedLimit(this IApplicationBuilder app) =>
        app.UseMiddleware<UnauthenticatedLimitMiddleware>();

    private static RateLimitPartition<string> Partition(HttpContext context, RequestLimitsOptions limits)
    {
        if (ServiceDefaults.Extensions.IsHealthProbe(context.Request.Path))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        var user = context.User;
        if (ClientPrincipal.ClientIdOf(user) is not { } clientId)
        {
            // Unauthenticated requests are counted before authentication, per address; these reach no service.
            return RateLimitPartition.GetNoLimiter("unauthenticated");
        }

        var own = ClientPrincipal.RequestsPerMinuteOf(user);
        var shared = context.RequestServices.GetRequiredService<SharedRateLimits>();
        return RateLimitPartition.Get($"client:{clientId}:{own}", key =>
            shared.For(key, own ?? limits.PermitsPerWindow, own is null ? limits.Window : TimeSpan.FromMinutes(1)));
    }

    private static ValueTask RejectAsync(OnRejectedContext rejection, TimeSpan window)
    {
        var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        return TooManyAsync(rejection.HttpContext, retryAfter, "This client has used its requests for now");
    }

    /// <summary>429 problem details with <c>Retry-After</c> in whole seconds.</summary>
    public static ValueTask TooManyAsync(HttpContext context, TimeSpan retryAfter, string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests", $"{reason}; retry after {seconds} s.");
    }
}
