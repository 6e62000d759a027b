using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace CountyTech.Gateway.Authentication;

/// <summary>
/// Turns a validated bearer token into the gateway's caller: a <c>jwt:</c> client id from its <c>client_id</c> (else its
/// <c>sub</c>) and its scopes, and nothing else of the token, so none of its claims can pose as another client's id.
/// A token whose identifier cannot be a client id fails authentication (401).
/// </summary>
internal static class BearerTokenClient
{
    private const string SubjectClaim = "sub";

    public static Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var token = context.Principal ?? new ClaimsPrincipal();
        var identifier = token.FindFirst(ClientPrincipal.ClientIdClaim)?.Value ?? token.FindFirst(SubjectClaim)?.Value;
        if (ClientIds.TryForToken(identifier, out var clientId, out var error))
        {
            context.Principal = ClientPrincipal.Create(clientId, ClientPrincipal.ScopesOf(token), JwtBearerDefaults.AuthenticationScheme);
        }
        else
        {
            context.Fail(error);
        }

        return Task.CompletedTask;
    }
}
