using CountyTech.Gateway.Authentication;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace CountyTech.Gateway.Routing;

/// <summary>
/// What a service may trust about a forwarded request: no caller-made <c>X-Forwarded-*</c>, <c>Forwarded</c> or
/// <c>X-CountyTech-*</c> header survives (YARP then writes its own <c>X-Forwarded-*</c>), the caller's credentials
/// stay at the gateway, and <c>X-CountyTech-Client-Id</c> names the authenticated client for the service's audit.
/// </summary>
internal static class ForwardedIdentity
{
    public const string ClientIdHeader = ServiceDefaults.CallerIdentity.HeaderName;
    private const string InternalHeaderPrefix = "X-CountyTech-";
    private const string ForwardedHeaderPrefix = "X-Forwarded-";
    private const string ForwardedHeader = "Forwarded";

    public static bool IsSpoofable(string headerName) =>
        headerName.StartsWith(InternalHeaderPrefix, StringComparison.OrdinalIgnoreCase)
        || headerName.StartsWith(ForwardedHeaderPrefix, StringComparison.OrdinalIgnoreCase)
        || headerName.Equals(ForwardedHeader, StringComparison.OrdinalIgnoreCase);

    public static ValueTask ApplyAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        foreach (var name in headers.Select(h => h.Key).Where(IsSpoofable).ToList())
        {
            headers.Remove(name);
        }

        headers.Remove(ApiKeys.HeaderName);
        headers.Remove(HeaderNames.Authorization);

        if (ClientPrincipal.ClientIdOf(context.HttpContext.User) is { } clientId)
        {
            headers.TryAddWithoutValidation(ClientIdHeader, clientId);
        }

        return ValueTask.CompletedTask;
    }
}
