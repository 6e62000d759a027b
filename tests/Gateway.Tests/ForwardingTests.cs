using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.ServiceDefaults;
using CountyTech.Testing;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ForwardingTests(GatewayFixture fixture)
{
    private readonly GatewayFactory _gateway = fixture.Gateway;

    [Fact]
    public async Task Paths_and_queries_are_forwarded_unchanged_for_the_area_root_and_below()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:read");
        using var client = _gateway.ClientWithKey(key);
        var township = Guid.NewGuid().ToString("N");

        var root = await client.GetAsync($"/api/v1/projects?township={township}&page=2");
        var below = await client.GetAsync($"/api/v1/projects/{township}/outcomes?year=2025");

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, below.StatusCode);
        Assert.Single(fixture.Echo.SeenAt($"/api/v1/projects?township={township}&page=2"));
        Assert.Single(fixture.Echo.SeenAt($"/api/v1/projects/{township}/outcomes?year=2025"));
    }

    [Fact]
    public async Task Spoofed_forwarding_and_identity_headers_are_replaced_by_the_real_client_id()
    {
        var (id, key) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:read");
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var client = _gateway.ClientWithKey(key);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Port", "6666");
        request.Headers.Add("Forwarded", "for=6.6.6.6;host=evil.example");
        request.Headers.Add("X-CountyTech-Client-Id", "someone-else");
        request.Headers.Add("X-CountyTech-Role", "auditor");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(fixture.Echo.SeenAt(path));
        Assert.Equal("key:" + id, seen.Header("X-CountyTech-Client-Id"));
        Assert.Null(seen.Header("Forwarded"));
        Assert.Null(seen.Header("X-Forwarded-Port"));
        Assert.Null(seen.Header("X-CountyTech-Role"));
        Assert.Null(seen.Header("X-Api-Key"));
        Assert.DoesNotContain(seen.Headers.Values.SelectMany(v => v), v => v.Contains("6.6.6.6", StringComparison.Ordinal));
        Assert.DoesNotContain(seen.Headers.Values.SelectMany(v => v), v => v.Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_forwarded_request_carries_the_gateways_proof_of_client_scopes_path_query_and_key()
    {
        var (id, key) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:write", "projects:read");
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = _gateway.ClientWithKey(key);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "retry-1");

        var response = await client.PostAsJsonAsync(path + "?note=%E8%AF%95%20a", new { kind = "variety" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var seen = Assert.Single(fixture.Echo.SeenAt(path));
        Assert.Equal("projects:read projects:write", seen.Header("X-CountyTech-Scopes"));
        var secret = System.Text.Encoding.UTF8.GetBytes(GatewayFactory.Secret);
        var proof = seen.Header("X-CountyTech-Gateway-Proof");
        var proven = new ProvenRequest("POST", path, "?note=试 a", "key:" + id, "projects:read projects:write", "retry-1");
        Assert.True(GatewayProof.Verify(secret, proof, proven, DateTimeOffset.UtcNow));
        Assert.False(GatewayProof.Verify(secret, proof, proven with { ClientId = "key:" + Guid.NewGuid() }, DateTimeOffset.UtcNow));
        Assert.False(GatewayProof.Verify(secret, proof, proven with { Scopes = "admin" }, DateTimeOffset.UtcNow));
        Assert.False(GatewayProof.Verify(secret, proof, proven with { Path = path + "x" }, DateTimeOffset.UtcNow));
        Assert.False(GatewayProof.Verify(secret, proof, proven with { IdempotencyKey = "retry-2" }, DateTimeOffset.UtcNow));
        Assert.False(GatewayProof.Verify(secret, proof, proven, DateTimeOffset.UtcNow + GatewayProof.Lifetime + TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task The_bootstrap_admin_key_is_forwarded_as_client_bootstrap()
    {
        var path = $"/api/v1/reporting/baselines/{Guid.NewGuid()}";
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.PutAsJsonAsync(path, new { gdpWan = 1250000.5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("bootstrap", Assert.Single(fixture.Echo.SeenAt(path)).Header("X-CountyTech-Client-Id"));
    }

    [Fact]
    public async Task Rebuilding_reporting_needs_admin_even_with_reporting_write()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(_gateway, "reporting:write", "reporting:read");
        using var writer = _gateway.ClientWithKey(key);
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);
        var before = fixture.Echo.SeenAt("/api/v1/reporting/rebuild").Count;

        var refused = await writer.PostAsync("/api/v1/reporting/rebuild", null);
        var status = await writer.GetAsync("/api/v1/reporting/status");
        var rebuilt = await admin.PostAsync("/api/v1/reporting/rebuild", null);

        var problem = await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("'admin'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rebuilt.StatusCode);
        Assert.Equal(before + 1, fixture.Echo.SeenAt("/api/v1/reporting/rebuild").Count);
    }

    [Fact]
    public async Task A_service_that_refuses_connections_answers_503_with_retry_after_not_502()
    {
        // A port nobody listens on: the service's process is down (killed and not yet started again).
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["services:talent:http:0"] = $"http://127.0.0.1:{port}" });
        var (_, key) = await GatewayFixture.RegisterClientAsync(gateway, "talent:read");
        using var client = gateway.ClientWithKey(key);

        var response = await client.GetAsync("/api/v1/talent/experts");

        var problem = await Problems.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("talent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_service_that_dies_during_a_post_answers_503_with_retry_after_not_502()
    {
        // A service process killed while at a request: it read the request, then its connection is reset, no answer.
        using var dying = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        dying.Start();
        var port = ((IPEndPoint)dying.LocalEndpoint).Port;
        var dies = Task.Run(async () =>
        {
            using var connection = await dying.AcceptSocketAsync();
            await connection.ReceiveAsync(new byte[4096]);
            connection.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            connection.Close();
        });
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["services:talent:http:0"] = $"http://127.0.0.1:{port}" });
        var (_, key) = await GatewayFixture.RegisterClientAsync(gateway, "talent:write");
        using var client = gateway.ClientWithKey(key);

        var response = await client.PostAsJsonAsync("/api/v1/talent/experts", new { name = "张伟" });
        await dies;

        var problem = await Problems.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Idempotency-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_area_whose_service_is_not_deployed_answers_503_problem()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.GetAsync("/api/v1/enterprises?year=2025");

        var problem = await Problems.AssertAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("enterprises", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_the_traceparent_of_its_trace()
    {
        using var anonymous = _gateway.ClientWithKey(null);
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var refused = await anonymous.GetAsync("/api/v1/projects");
        var forwarded = await admin.GetAsync($"/api/v1/projects/{Guid.NewGuid()}");

        foreach (var response in new[] { refused, forwarded })
        {
            var traceparent = Assert.Single(response.Headers.GetValues("traceparent"));
            Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceparent);
        }

        var problem = await Problems.AssertAsync(refused, HttpStatusCode.Unauthorized);
        Assert.Equal(problem.GetProperty("traceId").GetString(), refused.Headers.GetValues("traceparent").Single()[3..35]);
    }

    [Fact]
    public async Task Service_openapi_documents_and_the_reference_page_are_public()
    {
        using var anonymous = _gateway.ClientWithKey(null);
        var before = fixture.Echo.SeenAt("/openapi/v1.json").Count;

        var projects = await anonymous.GetAsync("/openapi/projects.json");
        var gatewayDocument = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var page = await anonymous.GetAsync("/scalar/");
        var script = await anonymous.GetAsync("/scalar/scalar.js");
        var undeployed = await anonymous.GetAsync("/openapi/talent.json");

        Assert.Equal(HttpStatusCode.OK, projects.StatusCode);
        Assert.Equal(before + 1, fixture.Echo.SeenAt("/openapi/v1.json").Count);
        Assert.True(gatewayDocument.GetProperty("paths").TryGetProperty("/api/v1/admin/clients", out _));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/projects.json", html, StringComparison.Ordinal);
        Assert.Contains("openapi/reporting.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("openapi/talent.json", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        await Problems.AssertAsync(undeployed, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Health_probes_are_answered_by_the_gateway_itself()
    {
        using var anonymous = _gateway.ClientWithKey(null);

        var response = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
