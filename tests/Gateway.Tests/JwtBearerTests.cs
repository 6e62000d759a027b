using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// Bearer tokens from an OpenID Connect provider, enabled by <c>Authentication:Jwt:Authority</c>. The provider's
/// metadata is given to the gateway directly (no provider runs here); tokens are signed with its key.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class JwtBearerTests
{
    private const string Issuer = "https://login.city.example/";
    private const string Audience = "countytech-api";

    private readonly GatewayFixture _fixture;
    private readonly SymmetricSecurityKey _signingKey = new(RandomNumberGenerator.GetBytes(32));
    private readonly GatewayFactory _gateway;

    public JwtBearerTests(GatewayFixture fixture)
    {
        _fixture = fixture;
        var provider = new OpenIdConnectConfiguration { Issuer = Issuer };
        provider.SigningKeys.Add(_signingKey);
        _gateway = fixture.NewGateway(
            new Dictionary<string, string?>
            {
                ["Authentication:Jwt:Authority"] = Issuer,
                ["Authentication:Jwt:Audience"] = Audience,
            },
            services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(provider)));
    }

    [Fact]
    public async Task A_token_with_the_scope_is_forwarded_with_its_client_id_and_without_the_token()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var client = ClientWithToken(Token("city-portal", "projects:read talent:read", _signingKey));

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(_fixture.Echo.SeenAt(path));
        Assert.Equal("city-portal", seen.Header("X-CountyTech-Client-Id"));
        Assert.Null(seen.Header("Authorization"));
    }

    [Fact]
    public async Task A_token_without_the_scope_is_403()
    {
        using var client = ClientWithToken(Token("city-portal", "projects:read", _signingKey));

        var response = await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/approval", new { });

        await Problem.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_signed_by_someone_else_is_401()
    {
        using var client = ClientWithToken(Token("city-portal", "admin", new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))));

        var response = await client.GetAsync("/api/v1/projects");

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    private HttpClient ClientWithToken(string token)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Token(string clientId, string scope, SecurityKey key) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["client_id"] = clientId, ["sub"] = clientId, ["scope"] = scope },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
