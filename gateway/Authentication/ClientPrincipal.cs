using System.Security.Claims;

namespace CountyTech.Gateway.Authentication;

/// <summary>
/// The caller as the gateway sees it, whichever way it authenticated: a client id (see <see cref="ClientIds"/>),
/// scopes (<c>scope</c> claims, space separated as OAuth 2.0 writes them) and, for a registered client, its name and
/// own rate limit. Both schemes build it with <see cref="Create"/>.
/// </summary>
internal static class ClientPrincipal
{
    public const string ClientIdClaim = "client_id";
    public const string ScopeClaim = "scope";
    public const string ClientNameClaim = "client_name";
    public const string RequestsPerMinuteClaim = "requests_per_minute";

    public static ClaimsPrincipal Create(
        string clientId, IEnumerable<string> scopes, string authenticationType, string? name = null, int? requestsPerMinute = null)
    {
        List<Claim> claims = [new(ClientIdClaim, clientId), new(ScopeClaim, string.Join(' ', scopes))];
        if (name is not null)
        {
            claims.Add(new Claim(ClientNameClaim, name));
        }

        if (requestsPerMinute is { } limit)
        {
            claims.Add(new Claim(RequestsPerMinuteClaim, limit.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClientIdClaim, null));
    }

    /// <summary>The client's registered name, where it has one (API keys).</summary>
    public static string? NameOf(ClaimsPrincipal user) => user.FindFirst(ClientNameClaim)?.Value;

    /// <summary>The client's own rate limit, where the administrator set one.</summary>
    public static int? RequestsPerMinuteOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(RequestsPerMinuteClaim)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var limit) ? limit : null;

    public static string? ClientIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(ClientIdClaim)?.Value : null;

    public static IEnumerable<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
