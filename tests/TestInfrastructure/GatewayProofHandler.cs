using System.Text;
using CountyTech.ServiceDefaults;

namespace CountyTech.Testing;

/// <summary>
/// Signs each request the way the gateway does (<see cref="GatewayProof"/>), for tests that call a service directly
/// as a given client: <c>factory.CreateDefaultClient(new GatewayProofHandler(secret, "key:…", "projects:write"))</c>.
/// <paramref name="age"/> signs as if at that much earlier, to present an expired proof.
/// </summary>
public sealed class GatewayProofHandler(string secret, string clientId, string scopes, TimeSpan age = default) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var key = request.Headers.TryGetValues(IdempotencyKey.HeaderName, out var keys) ? string.Join(",", keys) : string.Empty;
        var proven = new ProvenRequest(request.Method.Method, Uri.UnescapeDataString(uri.AbsolutePath), Uri.UnescapeDataString(uri.Query),
            clientId, scopes, key);
        request.Headers.Add(CallerIdentity.HeaderName, clientId);
        request.Headers.Add(GatewayProof.ScopesHeader, scopes);
        request.Headers.Add(GatewayProof.HeaderName, GatewayProof.Sign(Encoding.UTF8.GetBytes(secret), proven, DateTimeOffset.UtcNow - age));
        return base.SendAsync(request, cancellationToken);
    }
}
