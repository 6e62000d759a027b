using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// Limits, per remote address, the requests that end without valid credentials (no key, an unknown or revoked key,
/// the public documents): each one spends a permit of <see cref="RequestLimitsOptions.UnauthenticatedPermitsPerWindow"/>,
/// and once an address has none left its requests are answered 429 before any key is hashed or looked up, so a flood
/// of made-up keys costs the database nothing. Requests with a valid key spend nothing here (their client's own limit
/// applies); health probes are never limited.
/// </summary>
internal sealed class UnauthenticatedLimitMiddleware : IDisposable
{
    private readonly RequestDelegate _next;
    private readonly TimeSpan _window;
    private readonly PartitionedRateLimiter<string> _limiter;

    public UnauthenticatedLimitMiddleware(RequestDelegate next, IOptions<RequestLimitsOptions> options)
    {
        _next = next;
        var limits = options.Value;
        _window = limits.Window;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.UnauthenticatedPermitsPerWindow, Window = limits.Window, QueueLimit = 0 }));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (ServiceDefaults.Extensions.IsHealthProbe(context.Request.Path))
        {
            await _next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_limiter.GetStatistics(address)?.CurrentAvailablePermits <= 0)
        {
            await RequestLimits.TooManyAsync(context, _window, "This address has sent too many requests without valid credentials");
            return;
        }

        await _next(context);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            _limiter.AttemptAcquire(address).Dispose();
        }
    }

    public void Dispose() => _limiter.Dispose();
}
