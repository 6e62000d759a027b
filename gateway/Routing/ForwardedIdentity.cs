using CountyTech.Gateway.Authentication;
using CountyTech.ServiceDefaults;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Transforms;

namespace CountyTech.Gateway.Routing;

/// <summary>
/// What a service may trust about a forwarded request: no caller-made <c>X-Forwarded-*</c>, <c>Forwarded</c> or
/// <c>X-CountyTech-*</c> header survives (YARP then writes its own <c>X-Forwarded-*</c>), the caller's credentials
/// stay at the gateway, <c>X-CountyTech-Client-Id</c> and <c>X-CountyTech-Scopes</c> name the authenticated client,
/// and the gateway's proof (<see cref="GatewayProof"/>) binds them to the method, path, query and idempotency key, so
/// that the service can tell the gateway's requests from anyone else's. On the way back, the services' internal
/// <c>X-CountyTech-*</c> headers (the changes a write made, for the audit trail) are taken off the answer.
/// </summary>
internal static class ForwardedIdentity
{
    public const string ClientIdHeader = CallerIdentity.HeaderName;

    /// <summary>Where a service lists the figures a write changed (<see cref="AuditChanges"/>), for the audit trail.</summary>
    public const string ChangesItem = AuditChanges.HeaderName;

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

        var user = context.HttpContext.User;
        var clientId = ClientPrincipal.ClientIdOf(user) ?? string.Empty;
        var scopes = clientId.Length > 0 ? string.Join(' ', ClientPrincipal.ScopesOf(user).Order(StringComparer.Ordinal)) : string.Empty;
        if (clientId.Length > 0)
        {
            headers.TryAddWithoutValidation(ClientIdHeader, clientId);
            headers.TryAddWithoutValidation(GatewayProof.ScopesHeader, scopes);
        }

        var services = context.HttpContext.RequestServices;
        if (services.GetRequiredService<GatewaySecret>().Key is { } secret)
        {
            var proven = new ProvenRequest(context.ProxyRequest.Method.Method, context.Path.Value ?? string.Empty,
                CallerIdentity.DecodedQuery(context.Query.QueryString), clientId, scopes,
                context.HttpContext.Request.Headers[IdempotencyKey.HeaderName].ToString());
            headers.TryAddWithoutValidation(GatewayProof.HeaderName,
                GatewayProof.Sign(secret, proven, services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }

        return ValueTask.CompletedTask;
    }

    public static ValueTask TakeInternalHeadersAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse?.Headers.TryGetValues(AuditChanges.HeaderName, out var changes) == true)
        {
            context.HttpContext.Items[ChangesItem] = string.Join(string.Empty, changes);
        }

        var response = context.HttpContext.Response.Headers;
        foreach (var name in response.Keys.Where(name => name.StartsWith(InternalHeaderPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            response.Remove(name);
        }

        return ValueTask.CompletedTask;
    }
}
