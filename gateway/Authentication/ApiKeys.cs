using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CountyTech.Gateway.Authentication;

/// <summary>
/// API keys (接入密钥): <c>ct_</c> followed by 32 random bytes in base64url. Only their SHA-256 hash is ever stored;
/// a presented key is hashed and compared with stored hashes.
/// </summary>
internal static class ApiKeys
{
    public const string HeaderName = ServiceDefaults.OpenApiDefaults.ApiKeyHeader;
    public const string Prefix = "ct_";
    private const int RandomBytes = 32;

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
