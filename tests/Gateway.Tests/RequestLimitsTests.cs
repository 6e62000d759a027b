using System.Net;
using System.Net.Http.Json;
using CountyTech.Testing;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RequestLimitsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_body_over_the_default_1_MiB_is_413_problem_and_never_forwarded()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(fixture.Gateway, "projects:write");
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = fixture.Gateway.ClientWithKey(key);

        var response = await client.PostAsync(path, new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_body_at_the_limit_is_forwarded()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(fixture.Gateway, "projects:write");
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = fixture.Gateway.ClientWithKey(key);

        var response = await client.PostAsync(path, new ByteArrayContent(new byte[1024 * 1024]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_body_without_a_length_is_cut_off_at_the_limit_with_413()
    {
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Gateway:Limits:MaxRequestBodyBytes"] = "1024" });
        gateway.UseKestrel(0);
        var (_, key) = await GatewayFixture.RegisterClientAsync(gateway, "projects:write");
        using var client = gateway.ClientWithKey(key);
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(new byte[4096]) };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.False(client.BaseAddress!.IsDefaultPort, "the gateway listens on a real port");
        await Problems.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_problem_with_retry_after()
    {
        var gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            ["Gateway:Limits:PermitsPerWindow"] = "2",
            ["Gateway:Limits:Window"] = "00:10:00",
        });
        var (_, key) = await GatewayFixture.RegisterClientAsync(gateway, "projects:read");
        var (_, otherKey) = await GatewayFixture.RegisterClientAsync(gateway, "projects:read");
        using var client = gateway.ClientWithKey(key);
        using var other = gateway.ClientWithKey(otherKey);

        var allowed = new[] { await client.GetAsync("/api/v1/projects"), await client.GetAsync("/api/v1/projects") };
        var limited = await client.GetAsync("/api/v1/projects");
        var otherClient = await other.GetAsync("/api/v1/projects");

        Assert.All(allowed, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        await Problems.AssertAsync(limited, HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        Assert.Equal(HttpStatusCode.OK, otherClient.StatusCode);
    }

    [Fact]
    public async Task Two_gateway_instances_on_one_database_enforce_one_limit_per_client()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:Limits:PermitsPerWindow"] = "100",
            ["Gateway:Limits:Window"] = "00:10:00",
        };
        var database = fixture.NewDatabase();
        var first = fixture.NewGateway(settings, database: database);
        var (_, key) = await GatewayFixture.RegisterClientAsync(first, "projects:read");
        var second = fixture.NewGateway(settings, database: database);
        using var throughFirst = first.ClientWithKey(key);
        using var throughSecond = second.ClientWithKey(key);

        static async Task<int> AcceptedAsync(HttpClient client, int requests)
        {
            var accepted = 0;
            for (var i = 0; i < requests; i++)
            {
                var response = await client.GetAsync("/api/v1/projects");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    accepted++;
                }
                else
                {
                    await Problems.AssertAsync(response, HttpStatusCode.TooManyRequests);
                }
            }

            return accepted;
        }

        // Leases of 5 permits (a twentieth of 100): 60 requests use exactly 12 leases on the first instance.
        Assert.Equal(60, await AcceptedAsync(throughFirst, 60));
        Assert.Equal(40, await AcceptedAsync(throughSecond, 60));
        Assert.Equal(0, await AcceptedAsync(throughFirst, 5));
        // The admin's requests are another client: not limited by this one's use.
        using var admin = first.ClientWithKey(GatewayFactory.AdminKey);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/projects")).StatusCode);
    }
}
