using Yarp.ReverseProxy.Forwarder;

namespace CountyTech.Gateway.Routing;

/// <summary>
/// First step of the proxy pipeline: a request for a service this deployment lacks (or whose every destination is
/// down) is answered 503 problem details naming the service; so is a request whose service could not be connected to
/// (a process killed and not yet started again, issue 10's fault campaign) or whose connection ended before the answer
/// (a process killed at the request): 503 with <c>Retry-After</c>, never 502.
/// Other forwarding failures keep YARP's status (502, 504, 413 for a body cut off at the size limit…), which the status
/// code pages turn into problem details.
/// </summary>
internal static class ServiceAvailabilityMiddleware
{
    private const int RetryAfterSeconds = 2;

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        if (proxy.AvailableDestinations.Count > 0)
        {
            await next();
            if (!context.Response.HasStarted && WentAway(context.GetForwarderErrorFeature()))
            {
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
                    $"The {proxy.Cluster.Config.ClusterId} service cannot be reached just now. Retry in {RetryAfterSeconds} s " +
                    "(with the same Idempotency-Key for a POST).");
            }

            return;
        }

        await context.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            $"The {proxy.Cluster.Config.ClusterId} service is not available in this deployment.");
    }

    /// <summary>
    /// The service could not be connected to, or its connection ended before it answered (its process died at the
    /// request): whether a POST took effect is unknown, and its retry with the same key is what settles it.
    /// </summary>
    private static bool WentAway(IForwarderErrorFeature? error) =>
        error is { Error: ForwarderError.Request, Exception: HttpRequestException failure }
        && (failure.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded
            || failure.InnerException is IOException);
}
