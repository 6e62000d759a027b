using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CountyTech.Platform.Tests;

/// <summary>
/// The city's OpenID Connect provider as the platform's gateway meets it: a real HTTP server on loopback serving the
/// discovery document and the signing key (JWKS), from which the gateway fetches what it checks tokens against. Tokens
/// are issued here, in the test, for the audience the gateway is configured with.
/// </summary>
public sealed class CityIdentityProvider : IAsyncDisposable
{
    public const string Audience = "countytech-api";

    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "city-" + Guid.NewGuid().ToString("N")[..8] };
    private readonly WebApplication _server;

    private CityIdentityProvider(WebApplication server, string authority)
    {
        _server = server;
        Authority = authority;
    }

    /// <summary>The issuer and metadata address, as the gateway's <c>Authentication:Jwt:Authority</c>.</summary>
    public string Authority { get; }

    public static async Task<CityIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        CityIdentityProvider? provider = null;
        server.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = provider!.Authority,
            ["jwks_uri"] = provider.Authority + "jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        server.MapGet("/jwks", () => Results.Json(new { keys = new[] { provider!.PublicKey() } }));
        await server.StartAsync();
        provider = new CityIdentityProvider(server, server.Urls.Single() + "/");
        return provider;
    }

    /// <summary>A token for <paramref name="clientId"/> with <paramref name="scope"/>, valid for five minutes unless <paramref name="change"/> says otherwise.</summary>
    public string Token(string scope, string clientId, Action<SecurityTokenDescriptor>? change = null, SecurityKey? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["scope"] = scope, ["client_id"] = clientId },
            SigningCredentials = new SigningCredentials(signedWith ?? _signingKey, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _signingKey.Rsa.Dispose();
    }

    /// <summary>The signing key's public half as a JSON Web Key.</summary>
    private Dictionary<string, string> PublicKey()
    {
        var key = _signingKey.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = _signingKey.KeyId,
            ["n"] = Base64UrlEncoder.Encode(key.Modulus),
            ["e"] = Base64UrlEncoder.Encode(key.Exponent),
        };
    }
}
