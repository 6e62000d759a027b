using System.Security.Claims;

namespace CountyTech.Gateway.Authentication;

/// <summary>
/// The caller as the gateway sees it, whichever way it authenticated: a client id (see <see cref="ClientIds"/>) and
/// scopes (<c>scope</c> claims, space separated as OAuth 2.0 writes them). Both schemes build it with <see cref="Create"/>.
/// </summary>
internal static class ClientPrincipal
{
    public const string ClientIdClaim = "client_id";
    public const string ScopeClaim = "scope";

    public static ClaimsPrincipal Create(string clientId, IEnumerable<string> scopes, string authenticationType) =>
        new(new ClaimsIdentity(
            [new Claim(ClientIdClaim, clientId), new Claim(ScopeClaim, string.Join(' ', scopes))],
            authenticationType, ClientIdClaim, null));

    public static string? ClientIdOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(ClientIdClaim)?.Value : null;

    public static IEnumerable<string> ScopesOf(ClaimsPrincipal user) =>
        user.FindAll(ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
