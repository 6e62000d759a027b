using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using CountyTech.Testing;
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
        _gateway = NewGateway();
    }

    /// <summary>Token identifiers that cannot be recorded or forwarded as they are; null = a token naming no client.</summary>
    public static TheoryData<string?> UnusableIdentifiers => new() { null, new string('s', 256), "city portal", "城市门户", "line\r\nbreak" };

    [Fact]
    public async Task A_token_with_the_scope_is_forwarded_with_its_client_id_and_without_the_token()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var client = ClientWithToken(Token("projects:read talent:read", clientId: "city-portal", subject: "user-7"));

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(_fixture.Echo.SeenAt(path));
        Assert.Equal("jwt:city-portal", seen.Header("X-CountyTech-Client-Id"));
        Assert.Null(seen.Header("Authorization"));
    }

    [Fact]
    public async Task A_token_without_the_scope_is_403()
    {
        using var client = ClientWithToken(Token("projects:read", clientId: "city-portal"));

        var response = await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/approval", new { });

        await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_signed_by_someone_else_is_401()
    {
        using var client = ClientWithToken(Token("admin", clientId: "city-portal", signedWith: new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32))));

        var response = await client.GetAsync("/api/v1/projects");

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    /// <summary>Tokens the provider did not issue for this gateway, or not for now: what each changes in a good one.</summary>
    private static readonly Dictionary<string, Action<SecurityTokenDescriptor, DateTime>> Unacceptable = new()
    {
        ["expired a minute ago (beyond the 30 s clock skew)"] = (token, now) =>
            (token.NotBefore, token.IssuedAt, token.Expires) = (now.AddMinutes(-10), now.AddMinutes(-10), now.AddMinutes(-1)),
        ["not valid before ten minutes from now"] = (token, now) =>
            (token.NotBefore, token.IssuedAt, token.Expires) = (now.AddMinutes(10), now, now.AddMinutes(20)),
        ["issued for another audience"] = (token, _) => token.Audience = "another-county-api",
        ["issued by another provider"] = (token, _) => token.Issuer = "https://login.elsewhere.example/",
        ["without an expiry"] = (token, _) => (token.NotBefore, token.IssuedAt, token.Expires) = (null, null, null),
    };

    public static TheoryData<string> UnacceptableTokens => new(Unacceptable.Keys);

    [Theory]
    [MemberData(nameof(UnacceptableTokens))]
    public async Task A_token_not_issued_for_this_gateway_now_is_401_and_never_forwarded(string token)
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        var descriptor = Descriptor("admin projects:read", clientId: "city-portal");
        Unacceptable[token](descriptor, DateTime.UtcNow);
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        using var client = ClientWithToken(handler.CreateToken(descriptor));

        var response = await client.GetAsync(path);

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(_fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_token_naming_itself_like_a_key_client_or_the_bootstrap_admin_stays_a_client_of_its_own()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        var idempotencyKey = Guid.NewGuid().ToString();
        var (id, apiKey) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:write");
        using var keyClient = _gateway.ClientWithKey(apiKey);
        using var bootstrap = _gateway.ClientWithKey(GatewayFactory.AdminKey);
        using var posingAsKeyClient = ClientWithToken(Token("projects:write", clientId: "key:" + id));
        using var posingAsBootstrap = ClientWithToken(Token("admin", clientId: "bootstrap"));

        foreach (var client in new[] { keyClient, bootstrap, posingAsKeyClient, posingAsBootstrap })
        {
            client.DefaultRequestHeaders.Add("Idempotency-Key", idempotencyKey);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(path, new { kind = "variety" })).StatusCode);
        }

        Assert.Equal(
            new[] { "bootstrap", "jwt:bootstrap", "jwt:key:" + id, "key:" + id }.Order(StringComparer.Ordinal),
            _fixture.Echo.SeenAt(path).Select(seen => seen.Header("X-CountyTech-Client-Id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_token_posing_as_the_bootstrap_admin_has_a_rate_limit_of_its_own()
    {
        var gateway = NewGateway(new Dictionary<string, string?>
        {
            ["Gateway:Limits:PermitsPerWindow"] = "1",
            ["Gateway:Limits:Window"] = "00:10:00",
        });
        using var bootstrap = gateway.ClientWithKey(GatewayFactory.AdminKey);
        using var posingAsBootstrap = ClientWithToken(Token("admin", clientId: "bootstrap"), gateway);

        var first = await bootstrap.GetAsync("/api/v1/projects");
        var limited = await bootstrap.GetAsync("/api/v1/projects");
        var token = await posingAsBootstrap.GetAsync("/api/v1/projects");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await Problems.AssertAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task A_subject_of_255_characters_is_recorded_and_forwarded_whole()
    {
        var subject = "sub-" + new string('x', 251);
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var admin = ClientWithToken(Token("admin", subject: subject));
        using var registration = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/clients")
        {
            Content = JsonContent.Create(new { name = "城市统一身份认证", kind = "city-system", scopes = new[] { "projects:read" } }),
        };
        registration.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var registered = await admin.SendAsync(registration);
        var forwarded = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var shown = await admin.GetFromJsonAsync<JsonElement>(registered.Headers.Location);
        Assert.Equal("jwt:" + subject, shown.GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal("jwt:" + subject, Assert.Single(_fixture.Echo.SeenAt(path)).Header("X-CountyTech-Client-Id"));
    }

    [Theory]
    [MemberData(nameof(UnusableIdentifiers))]
    public async Task A_token_whose_client_cannot_be_named_is_401_and_never_forwarded(string? identifier)
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = ClientWithToken(Token("admin", clientId: identifier, subject: identifier));
        client.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await client.PostAsJsonAsync(path, new { kind = "variety" });

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Empty(_fixture.Echo.SeenAt(path));
    }

    /// <summary>A gateway that takes tokens of the provider, with <paramref name="settings"/> over the defaults.</summary>
    private GatewayFactory NewGateway(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var provider = new OpenIdConnectConfiguration { Issuer = Issuer };
        provider.SigningKeys.Add(_signingKey);
        return _fixture.NewGateway(
            new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
            {
                ["Authentication:Jwt:Authority"] = Issuer,
                ["Authentication:Jwt:Audience"] = Audience,
            },
            services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(provider)));
    }

    private HttpClient ClientWithToken(string token, GatewayFactory? gateway = null)
    {
        var client = (gateway ?? _gateway).CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Token(string scope, string? clientId = null, string? subject = null, SecurityKey? signedWith = null) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(scope, clientId, subject, signedWith));

    private SecurityTokenDescriptor Descriptor(string scope, string? clientId = null, string? subject = null, SecurityKey? signedWith = null)
    {
        var claims = new Dictionary<string, object> { ["scope"] = scope };
        if (clientId is not null)
        {
            claims["client_id"] = clientId;
        }

        if (subject is not null)
        {
            claims["sub"] = subject;
        }

        return new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedWith ?? _signingKey, SecurityAlgorithms.HmacSha256),
        };
    }
}
