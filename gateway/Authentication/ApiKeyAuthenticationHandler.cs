using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Authentication;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the registered clients and the bootstrap admin key.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiClientDirectory clients) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeys.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            return AuthenticateResult.Fail($"Send exactly one {ApiKeys.HeaderName} header.");
        }

        var client = await clients.FindAsync(values[0]!, Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var principal = ClientPrincipal.Create(client.ClientId, client.Scopes, SchemeName, client.Name, client.RequestsPerMinute);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"ApiKey header=\"{ApiKeys.HeaderName}\"");
        return Task.CompletedTask;
    }
}
