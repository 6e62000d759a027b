using System.Net.Http.Json;
using System.Net;
using System.Text;
using Aspire.Hosting.Testing;
using CountyTech.Testing;

namespace CountyTech.Platform.Tests;

/// <summary>What a caller meets at the gateway: keys, scopes, revocation, malformed bodies and retried POSTs.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewaySecurityTests(PlatformFixture platform)
{
    private static object Application(string township) => new
    {
        title = "智慧农业示范",
        level = "county",
        field = "agriculture",
        leadOrganization = "县农业农村局",
        township,
        plannedStart = "2024-01-01",
        plannedEnd = "2024-12-31",
        budgetWan = 20,
    };

    [Fact]
    public async Task Without_a_key_or_with_an_unknown_key_the_answer_is_401()
    {
        using var anonymous = platform.Gateway();
        await anonymous.GetAsync("/api/v1/projects").ProblemAsync(HttpStatusCode.Unauthorized);

        using var stranger = platform.Gateway("ct_not-a-real-key");
        await stranger.GetAsync("/api/v1/reporting/status").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_gateway_database_is_checked_on_the_management_port_only()
    {
        using var management = platform.App.CreateHttpClient("gateway", "management");
        using var anonymous = platform.Gateway();

        var readiness = await management.GetAsync("/health").JsonAsync(HttpStatusCode.OK);
        var liveness = await anonymous.GetStringAsync("/health");

        Assert.Equal("Healthy", readiness.GetProperty("checks").GetProperty("gateway-db").GetString());
        Assert.Equal("Healthy", liveness);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_scope_is_403_and_with_it_passes()
    {
        var reader = await platform.RegisterClientAsync("市科技局数据平台", "projects:read");
        using var client = platform.Gateway(reader);

        var problem = await client.PostAsJsonAsync("/api/v1/projects", Application("龙山镇")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("projects:write", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await client.GetAsync("/api/v1/reporting/status").ProblemAsync(HttpStatusCode.Forbidden);

        var list = await client.GetAsync("/api/v1/projects?pageSize=1").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        using var admin = platform.Gateway(platform.AdminKey);
        var created = await admin.PostAsJsonAsync("/api/v1/admin/clients", new { name = "临时应用", kind = "department-app", scopes = new[] { "projects:read" } })
            .JsonAsync(HttpStatusCode.Created);
        using var client = platform.Gateway(created.GetProperty("apiKey").GetString());
        await client.GetAsync("/api/v1/projects").JsonAsync(HttpStatusCode.OK);

        using var revoked = await admin.DeleteAsync($"/api/v1/admin/clients/{created.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        await client.GetAsync("/api/v1/projects").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        var writer = await platform.RegisterClientAsync("项目申报系统", "projects:write");
        using var client = platform.Gateway(writer);

        var problem = await client.PostAsync("/api/v1/projects", new StringContent("{\"title\": \"缺右括号\"", Encoding.UTF8, "application/json"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));

        var invalid = await client.PostAsJsonAsync("/api/v1/projects", new { title = "只有标题" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("leadOrganization", out _));
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_creates_one_project()
    {
        var writer = await platform.RegisterClientAsync("市级系统", "projects:write", "projects:read");
        using var client = platform.Gateway(writer);
        var township = "重试镇" + Guid.NewGuid().ToString("N")[..6];
        var key = Guid.NewGuid().ToString();

        async Task<(HttpStatusCode Status, string Body, string? Location)> PostOnceAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/projects")
            {
                Content = System.Net.Http.Json.JsonContent.Create(Application(township)),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.ToString());
        }

        var first = await PostOnceAsync();
        var second = await PostOnceAsync();

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(first, second);
        var list = await client.GetAsync($"/api/v1/projects?township={Uri.EscapeDataString(township)}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }
}
