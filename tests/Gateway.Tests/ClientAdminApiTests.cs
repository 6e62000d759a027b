using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CountyTech.Testing;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ClientAdminApiTests(GatewayFixture fixture)
{
    private const string Clients = "/api/v1/admin/clients";
    private readonly GatewayFactory _gateway = fixture.Gateway;

    [Fact]
    public async Task Registering_a_client_answers_201_with_location_and_the_key_once()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.PostAsJsonAsync(Clients,
            new { name = "市科技局数据平台", kind = "city-system", scopes = new[] { "reporting:read", "projects:read", "projects:read" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{Clients}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("市科技局数据平台", body.GetProperty("name").GetString());
        Assert.Equal("city-system", body.GetProperty("kind").GetString());
        Assert.Equal(["projects:read", "reporting:read"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Matches("^ct_[A-Za-z0-9_-]{43}$", body.GetProperty("apiKey").GetString());

        var shown = await admin.GetFromJsonAsync<JsonElement>($"{Clients}/{id}");
        Assert.False(shown.TryGetProperty("apiKey", out _));
        Assert.False(shown.TryGetProperty("keyHash", out _));
        Assert.Equal("bootstrap", shown.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task The_list_is_paged_and_never_shows_keys_or_hashes()
    {
        var (id, _) = await GatewayFixture.RegisterClientAsync(_gateway, "talent:read");
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var page = await admin.GetFromJsonAsync<JsonElement>($"{Clients}?page=1&pageSize=200");

        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(200, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, item => item.GetProperty("id").GetString() == id);
        Assert.All(items, item =>
        {
            Assert.False(item.TryGetProperty("apiKey", out _));
            Assert.False(item.TryGetProperty("keyHash", out _));
        });
    }

    [Fact]
    public async Task A_bad_page_size_is_400_with_field_errors()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.GetAsync($"{Clients}?pageSize=500");

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task An_invalid_registration_is_400_with_an_error_per_field()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.PostAsJsonAsync(Clients, new { name = " ", kind = "province-system", scopes = new[] { "projects:read", "projects:delete" } });

        var errors = (await Problems.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.Contains("projects:delete", errors.GetProperty("scopes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_without_scopes_is_400()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.PostAsJsonAsync(Clients, new { name = "统计局", kind = "department-app" });

        var errors = (await Problems.AssertAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("scopes", out _));
    }

    [Fact]
    public async Task Malformed_json_is_400_problem()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.PostAsync(Clients, new StringContent("{\"name\": \"统计局\", ", Encoding.UTF8, "application/json"));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Revoking_an_unknown_client_is_404_and_revoking_twice_is_harmless()
    {
        var (id, _) = await GatewayFixture.RegisterClientAsync(_gateway, "ip:read");
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        await Problems.AssertAsync(await admin.DeleteAsync($"{Clients}/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Clients}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Clients}/{id}")).StatusCode);

        var shown = await admin.GetFromJsonAsync<JsonElement>($"{Clients}/{id}");
        Assert.Equal(JsonValueKind.String, shown.GetProperty("revokedAt").ValueKind);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("42")]
    public async Task A_client_id_that_is_no_uuid_is_an_unknown_client_404(string id)
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);

        var shown = await admin.GetAsync($"{Clients}/{id}");
        var revoked = await admin.DeleteAsync($"{Clients}/{id}");

        await Problems.AssertAsync(shown, HttpStatusCode.NotFound);
        var problem = await Problems.AssertAsync(revoked, HttpStatusCode.NotFound);
        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_admin_scope_may_manage_clients()
    {
        var (_, key) = await GatewayFixture.RegisterClientAsync(_gateway, "projects:write", "reporting:write");
        using var client = _gateway.ClientWithKey(key);

        var response = await client.PostAsJsonAsync(Clients, new { name = "自建", kind = "department-app", scopes = new[] { "admin" } });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("admin", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_registration_creates_nothing_and_never_shows_the_key_again()
    {
        using var admin = _gateway.ClientWithKey(GatewayFactory.AdminKey);
        admin.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var name = "科技特派员管理系统 " + Guid.NewGuid().ToString("N")[..6];
        var request = new { name, kind = "department-app", scopes = new[] { "talent:write" } };

        var first = await admin.PostAsJsonAsync(Clients, request);
        var repeat = await admin.PostAsJsonAsync(Clients, request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await Problems.AssertAsync(repeat, HttpStatusCode.Conflict);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.DoesNotContain("ct_", problem.ToString(), StringComparison.Ordinal);
        var page = await admin.GetFromJsonAsync<JsonElement>($"{Clients}?pageSize=200");
        Assert.Single(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("name").GetString() == name);
    }
}
