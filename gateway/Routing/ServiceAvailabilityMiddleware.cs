namespace CountyTech.Gateway.Routing;

/// <summary>
/// First step of the proxy pipeline: a request for a service this deployment lacks (or whose every destination is
/// down) is answered 503 problem details naming the service. Other forwarding failures keep YARP's status (502, 504,
/// 413 for a body cut off at the size limit…), which the status code pages turn into problem details.
/// </summary>
internal static class ServiceAvailabilityMiddleware
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        if (proxy.AvailableDestinations.Count > 0)
        {
            await next();
            return;
        }

        await context.WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Service unavailable",
            $"The {proxy.Cluster.Config.ClusterId} service is not available in this deployment.");
    }
}
