using Microsoft.AspNetCore.Http;
using System.Security.Cryptography;
using System.Text;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// What makes two POSTs "the same request" for an idempotency key: the same method, path, query and body bytes,
/// summarised as a SHA-256 hash.
/// </summary>
public static class RequestFingerprint
{
    public static async Task<byte[]> ComputeAsync(string method, string pathAndQuery, Stream body, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()} {pathAndQuery}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Fingerprints the request and leaves its body readable again from the start for the proxy.</summary>
    public static async Task<byte[]> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var fingerprint = await ComputeAsync(request.Method, $"{request.PathBase}{request.Path}{request.QueryString}", request.Body, cancellationToken);
        request.Body.Position = 0;
        return fingerprint;
    }
}
