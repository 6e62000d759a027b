using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;

namespace CountyTech.Gateway.Authentication;

/// <summary>
/// API keys always; bearer tokens from an external OpenID Connect provider only when
/// <c>Authentication:Jwt:Authority</c> is configured. A request is authenticated by one or the other, never both:
/// an <c>Authorization: Bearer</c> header selects the token, anything else the API key.
/// </summary>
internal static class AuthenticationSetup
{
    public const string SchemeName = "ApiKeyOrBearer";
    public const string JwtSection = "Authentication:Jwt";

    public static IHostApplicationBuilder AddApiKeyAndJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(BootstrapAdminKey.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddSingleton<ApiClientDirectory>();

        var authentication = builder.Services.AddAuthentication(SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

        var jwt = builder.Configuration.GetSection(JwtSection);
        var jwtEnabled = !string.IsNullOrWhiteSpace(jwt["Authority"]);
        if (jwtEnabled)
        {
            authentication.AddJwtBearer(options =>
            {
                options.Authority = jwt["Authority"];
                options.Audience = jwt["Audience"];
                options.RequireHttpsMetadata = jwt.GetValue("RequireHttpsMetadata", true);
                options.MapInboundClaims = false;
                // A token is taken no longer than its expiry plus this much clock difference with the provider.
                options.TokenValidationParameters.ClockSkew = jwt.GetValue("ClockSkew", TimeSpan.FromSeconds(30));
                options.Events = new JwtBearerEvents { OnTokenValidated = BearerTokenClient.OnTokenValidatedAsync };
            });
        }

        authentication.AddPolicyScheme(SchemeName, "API key or bearer token", options =>
            options.ForwardDefaultSelector = context => jwtEnabled && HasBearerToken(context.Request)
                ? JwtBearerDefaults.AuthenticationScheme
                : ApiKeyAuthenticationHandler.SchemeName);
        return builder;
    }

    private static bool HasBearerToken(HttpRequest request) =>
        request.Headers[HeaderNames.Authorization].ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
