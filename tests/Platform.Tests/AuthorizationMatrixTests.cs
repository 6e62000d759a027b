using System.Net;
using System.Security.Cryptography;
using System.Text;
using CountyTech.Testing;
using Microsoft.IdentityModel.Tokens;

namespace CountyTech.Platform.Tests;

/// <summary>
/// Every operation of every deployed service's OpenAPI document and of the gateway's own, under every kind of
/// credential (API keys, and bearer tokens of the city's identity provider), gets exactly what API.md's scope table
/// says: no or bad credentials (unknown, revoked, forged, expired, for another audience) 401, credentials without the
/// operation's scope 403 (another area's, read-only on a write, <c>projects:write</c> on a review action, every scope
/// but the one needed), the scope itself (or <c>admin</c>) through to the service. The needed scope comes from
/// API.md's rules, not from the gateway's code, so an endpoint the gateway leaves without its policy fails here, and
/// so does an operation whose document states another scope (<c>x-required-scope</c>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
    /// <summary>A key the city's provider never published: tokens signed with it are forged.</summary>
    private static readonly SecurityKey OtherKey = new RsaSecurityKey(RSA.Create(2048));

    private static readonly string[] AllScopes =
    [
        "projects:read", "projects:write", "projects:review", "enterprises:read", "enterprises:write", "talent:read", "talent:write",
        "ip:read", "ip:write", "reporting:read", "reporting:write",
    ];

    [Fact]
    public async Task Every_operation_answers_each_kind_of_caller_as_the_scope_table_says()
    {
        var operations = await ApiOperation.ReadAllAsync(platform);
        Assert.Contains(operations, o => o.Service == "projects");
        Assert.Contains(operations, o => o.Service == "reporting");
        Assert.Contains(operations, o => o.PathTemplate == "/api/v1/admin/audit");

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task<string> KeyWithAsync(params string[] scopes)
        {
            var name = string.Join(' ', scopes);
            if (!keys.TryGetValue(name, out var key))
            {
                keys[name] = key = await platform.RegisterClientAsync("权限矩阵 " + name, scopes);
            }

            return key;
        }

        var revoked = await platform.RegisterAsync("已注销的接入系统", AllScopes);
        using (var admin = platform.Gateway(platform.AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/clients/{revoked.Id}")).StatusCode);
        }

        var failures = new List<string>();
        foreach (var operation in operations)
        {
            var required = operation.RequiredScope();
            if (operation.DocumentedScope != required)
            {
                failures.Add($"{operation.Method} {operation.PathTemplate}: documented as needing {operation.DocumentedScope ?? "no scope"}, API.md says {required}");
            }

            var area = required.Split(':')[0];
            var refused = new List<(string Case, string? Key, string? Bearer)>
            {
                ("no key", null, null),
                ("unknown key", "ct_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), null),
                ("revoked key", revoked.ApiKey, null),
                ("bearer token signed by another key", null, Bearer(required, signedWith: OtherKey)),
                ("expired bearer token", null, Bearer(required, ExpiredAMinuteAgo)),
                ("bearer token for another audience", null, Bearer(required, t => t.Audience = "another-county-api")),
            };
            string[] anotherArea = area == "talent" ? ["ip:read", "ip:write"] : ["talent:read", "talent:write"];
            var forbidden = new List<(string Case, string? Key, string? Bearer)>
            {
                ("every scope but " + required, await KeyWithAsync([.. AllScopes.Where(s => s != required)]), null),
                ("another area", await KeyWithAsync(anotherArea), null),
                ("bearer token of another area", null, Bearer(string.Join(' ', anotherArea))),
            };
            if (!operation.IsRead && area != "admin")
            {
                forbidden.Add(("read-only on a write", await KeyWithAsync(area + ":read"), null));
            }

            if (required == "projects:review")
            {
                forbidden.Add(("projects:write on a review action", await KeyWithAsync("projects:read", "projects:write"), null));
            }

            foreach (var (name, key, bearer) in refused)
            {
                await ExpectAsync(operation, name, key, bearer, status => status == HttpStatusCode.Unauthorized, "401", failures);
            }

            foreach (var (name, key, bearer) in forbidden)
            {
                await ExpectAsync(operation, name, key, bearer, status => status == HttpStatusCode.Forbidden, "403", failures);
            }

            var allowed = required == "admin" ? platform.AdminKey : await KeyWithAsync(required);
            var through = new (string Case, string? Key, string? Bearer)[]
            {
                ("exactly " + required, allowed, null), ("admin", platform.AdminKey, null), ("bearer token with " + required, null, Bearer(required)),
            };
            foreach (var (name, key, bearer) in through)
            {
                await ExpectAsync(operation, name, key, bearer,
                    status => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                    "through (not 401, 403 or 5xx)", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task ExpectAsync(
        ApiOperation operation, string caller, string? key, string? bearer, Func<HttpStatusCode, bool> expected, string what, List<string> failures)
    {
        using var client = platform.Gateway(key);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), operation.Path());
        if (!operation.IsRead && operation.Method != "DELETE")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        if (!expected(response.StatusCode))
        {
            failures.Add($"{operation.Method} {operation.PathTemplate} as {caller}: expected {what}, got {(int)response.StatusCode}");
        }
    }

    /// <summary>Issued ten minutes ago, expired one minute ago: beyond the gateway's clock skew of 30 s.</summary>
    private static void ExpiredAMinuteAgo(SecurityTokenDescriptor token)
    {
        var now = DateTime.UtcNow;
        (token.IssuedAt, token.NotBefore, token.Expires) = (now.AddMinutes(-10), now.AddMinutes(-10), now.AddMinutes(-1));
    }

    /// <summary>A token of the city's identity provider for a city system holding <paramref name="scope"/>.</summary>
    private string Bearer(string scope, Action<SecurityTokenDescriptor>? change = null, SecurityKey? signedWith = null) =>
        platform.IdentityProvider.Token(scope, "city-portal-matrix", change, signedWith);
}
