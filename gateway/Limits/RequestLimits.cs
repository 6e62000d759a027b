using System.Globalization;
using System.Threading.RateLimiting;
using CountyTech.Gateway.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// Per-client rate limits (限流) and the request body limit. A client is limited by its client id whichever key or
/// token it uses; unauthenticated callers share a limit per remote address; health probes are never limited.
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

    private static RateLimitPartition<string> Partition(HttpContext context, RequestLimitsOptions limits)
    {
        if (ServiceDefaults.Extensions.IsHealthProbe(context.Request.Path))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }

        var key = ClientPrincipal.ClientIdOf(context.User) is { } clientId
            ? "client:" + clientId
            : "address:" + context.Connection.RemoteIpAddress;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitsPerWindow,
            Window = limits.Window,
            QueueLimit = 0,
        });
    }

    private static ValueTask RejectAsync(OnRejectedContext rejection, TimeSpan window)
    {
        var retryAfter = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var context = rejection.HttpContext;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This client has used its requests for now; retry after {seconds} s.");
    }
}
