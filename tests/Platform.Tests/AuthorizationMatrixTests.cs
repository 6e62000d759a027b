using System.Net;
using System.Text;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>
/// Every operation of every deployed service's OpenAPI document and of the gateway's own, under every kind of
/// credential, gets exactly what API.md's scope table says: no or bad credentials 401, credentials without the
/// operation's scope 403 (another area's, read-only on a write, <c>projects:write</c> on a review action, every scope
/// but the one needed), the scope itself (or <c>admin</c>) through to the service. The needed scope comes from
/// API.md's rules, not from the gateway's code, so an endpoint the gateway leaves without its policy fails here, and
/// so does an operation whose document states another scope (<c>x-required-scope</c>).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
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
                ("forged bearer token", null, ForgedToken()),
            };
            var forbidden = new List<(string Case, string Key)>
            {
                ("every scope but " + required, await KeyWithAsync([.. AllScopes.Where(s => s != required)])),
                ("another area", await KeyWithAsync(area == "talent" ? ["ip:read", "ip:write"] : ["talent:read", "talent:write"])),
            };
            if (!operation.IsRead && area != "admin")
            {
                forbidden.Add(("read-only on a write", await KeyWithAsync(area + ":read")));
            }

            if (required == "projects:review")
            {
                forbidden.Add(("projects:write on a review action", await KeyWithAsync("projects:read", "projects:write")));
            }

            foreach (var (name, key, bearer) in refused)
            {
                await ExpectAsync(operation, name, key, bearer, status => status == HttpStatusCode.Unauthorized, "401", failures);
            }

            foreach (var (name, key) in forbidden)
            {
                await ExpectAsync(operation, name, key, null, status => status == HttpStatusCode.Forbidden, "403", failures);
            }

            var allowed = required == "admin" ? platform.AdminKey : await KeyWithAsync(required);
            foreach (var (name, key) in new[] { ("exactly " + required, allowed), ("admin", platform.AdminKey) })
            {
                await ExpectAsync(operation, name, key, null,
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

    /// <summary>A token no provider of the platform signed (none is configured here): the gateway must not take it.</summary>
    private static string ForgedToken()
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{Part("""{"alg":"HS256","typ":"JWT"}""")}.{Part("""{"client_id":"city-portal","scope":"admin","exp":4102444800}""")}.c2lnbmF0dXJl";
    }
}
