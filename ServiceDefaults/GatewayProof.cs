using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CountyTech.ServiceDefaults;

/// <summary>What a gateway proof vouches for: the request as the service receives it, and who sent it.</summary>
/// <param name="Path">The decoded path (<c>HttpRequest.Path</c>).</param>
/// <param name="Query">The decoded query string, with its <c>?</c>, or empty.</param>
/// <param name="Scopes">The caller's scopes, space separated.</param>
/// <param name="IdempotencyKey">The caller's <c>Idempotency-Key</c>, or empty.</param>
public sealed record ProvenRequest(string Method, string Path, string Query, string ClientId, string Scopes, string IdempotencyKey);

/// <summary>
/// The gateway's proof (网关凭证) that it forwarded a request: <c>&lt;expiry in Unix seconds&gt;.&lt;HMAC-SHA256&gt;</c>
/// in <see cref="HeaderName"/>, signed with the secret the AppHost generates for the platform
/// (<see cref="SecretVariable"/>) over the method, path, query, client id, scopes and idempotency key. A service takes
/// the caller from a request only when its proof verifies and has not expired, so neither a local process that reaches
/// its port nor a header set by anyone but the gateway can act in a client's name.
/// </summary>
public static class GatewayProof
{
    public const string HeaderName = "X-CountyTech-Gateway-Proof";
    public const string ScopesHeader = "X-CountyTech-Scopes";
    public const string SecretVariable = "COUNTYTECH_GATEWAY_SECRET";
    public const int MinSecretLength = 32;

    /// <summary>How long a proof is good for: the time from the gateway to the service, with room for a busy machine.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private const string Version = "countytech-gateway-proof-v1";

    public static string Sign(byte[] secret, ProvenRequest request, DateTimeOffset now)
    {
        var expires = (now + Lifetime).ToUnixTimeSeconds();
        return $"{expires.ToString(CultureInfo.InvariantCulture)}.{Convert.ToBase64String(Mac(secret, request, expires))}";
    }

    /// <summary>Whether <paramref name="proof"/> is the gateway's for <paramref name="request"/> and still good at <paramref name="now"/>.</summary>
    public static bool Verify(byte[] secret, string? proof, ProvenRequest request, DateTimeOffset now)
    {
        var dot = proof?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0
            || !long.TryParse(proof.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires < now.ToUnixTimeSeconds()
            || expires > (now + Lifetime).ToUnixTimeSeconds() + 1)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(proof![(dot + 1)..], presented, out var written)
            && written == presented.Length
            && CryptographicOperations.FixedTimeEquals(presented, Mac(secret, request, expires));
    }

    /// <summary>
    /// The platform's secret from <see cref="SecretVariable"/>: at least <see cref="MinSecretLength"/> characters.
    /// Outside Development a missing secret stops the process before it listens; in Development (a service run on its
    /// own, its integration tests) a missing secret means proofs are not checked, and the caller says so.
    /// </summary>
    public static byte[]? SecretFrom(IConfiguration configuration, IHostEnvironment environment)
    {
        var secret = configuration[SecretVariable];
        if (string.IsNullOrEmpty(secret))
        {
            return environment.IsDevelopment()
                ? null
                : throw new InvalidOperationException(
                    $"{SecretVariable} is not set. Outside Development every CountyTech process needs the platform's gateway secret " +
                    "(the AppHost generates it); without it the gateway cannot prove its requests and services cannot check them.");
        }

        return secret.Length < MinSecretLength
            ? throw new InvalidOperationException($"{SecretVariable} must have at least {MinSecretLength} characters.")
            : Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The MAC over every field, each length-prefixed so that no field can run into the next.</summary>
    private static byte[] Mac(byte[] secret, ProvenRequest request, long expires)
    {
        string[] fields =
        [
            Version, expires.ToString(CultureInfo.InvariantCulture), request.Method.ToUpperInvariant(), request.Path, request.Query,
            request.ClientId, request.Scopes, request.IdempotencyKey,
        ];
        var canonical = string.Concat(fields.Select(field => $"{field.Length.ToString(CultureInfo.InvariantCulture)}:{field}\n"));
        return HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical));
    }
}
