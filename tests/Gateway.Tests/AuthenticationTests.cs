using System.Net;
using System.Net.Http.Json;
using CountyTech.Testing;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthenticationTests(GatewayFixture fixture)
{
    private readonly GatewayFactory _gateway = fixture.Gateway;

    [Fact]
    public async Task A_request_without_a_key_is_401_problem_and_never_forwarded()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var anonymous = _gateway.ClientWithKey(null);

        var response = await anonymous.GetAsync(path);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_wrong_key_is_401()
    {
        using var stranger = _gateway.ClientWithKey("ct_" + Guid.NewGuid().ToString("N"));

        var response = await stranger.GetAsync("/api/v1/projects");

        await Problems.AssertAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_without_the_scope_is_403_naming_the_scope()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(_gateway, "talent:read");
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var client = _gateway.ClientWithKey(key);

        var response = await client.GetAsync(path);

        var problem = await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("projects:read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task Read_scope_allows_get_but_not_post()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:read");
        var path = $"/api/v1/projects/{Guid.NewGuid()}";
        using var client = _gateway.ClientWithKey(key);

        var read = await client.GetAsync(path);
        var write = await client.PostAsJsonAsync(path + "/outcomes", new { kind = "variety" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var problem = await Problems.AssertAsync(write, HttpStatusCode.Forbidden);
        Assert.Contains("projects:write", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(fixture.Echo.SeenAt(path));
    }

    [Theory]
    [InlineData("approval")]
    [InlineData("rejection")]
    [InlineData("disbursements")]
    [InlineData("acceptance")]
    public async Task Submitting_staff_cannot_review_and_reviewers_can(string action)
    {
        var (_, writerKey) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:write");
        var (_, reviewerKey) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:review");
        var project = $"/api/v1/projects/{Guid.NewGuid()}";
        using var writer = _gateway.ClientWithKey(writerKey);
        using var reviewer = _gateway.ClientWithKey(reviewerKey);

        var refused = await writer.PostAsJsonAsync($"{project}/{action}", new { });
        var outcome = await writer.PostAsJsonAsync($"{project}/outcomes", new { kind = "technique" });
        var reviewed = await reviewer.PostAsJsonAsync($"{project}/{action}", new { });
        var reviewerSubmits = await reviewer.PostAsJsonAsync("/api/v1/projects", new { });

        var problem = await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("projects:review", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, outcome.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reviewed.StatusCode);
        await Problems.AssertAsync(reviewerSubmits, HttpStatusCode.Forbidden);
        Assert.Single(fixture.Echo.SeenAt($"{project}/{action}"));
    }

    [Fact]
    public async Task A_registered_client_works_until_revoked_and_is_refused_at_once_after()
    {
        var (id, key) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:read");
        using var client = _gateway.ClientWithKey(key);
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var before = await client.GetAsync("/api/v1/projects");
        var revoke = await admin.DeleteAsync($"/api/v1/admin/clients/{id}");
        var after = await client.GetAsync("/api/v1/projects");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await Problems.AssertAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_admin_scope_implies_every_area_scope()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(_gateway, "admin");
        using var client = _gateway.ClientWithKey(key);

        var response = await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/outcomes", new { kind = "variety" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Paths_outside_the_route_table_are_denied_by_the_fallback_policy()
    {
        using var anonymous = _gateway.ClientWithKey(null);
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        await Problems.AssertAsync(await anonymous.GetAsync("/api/v1/secrets"), HttpStatusCode.Unauthorized);
        await Problems.AssertAsync(await admin.GetAsync("/api/v1/secrets"), HttpStatusCode.Forbidden);
    }
}
