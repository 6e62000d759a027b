using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Gateway.Infrastructure;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CountyTech.Gateway.Tests;

/// <summary>The gateway's audit trail: what it records of a forwarded write, what stays private, and how long it keeps it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AuditTrailTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_changes_a_service_reports_are_recorded_and_taken_off_the_answer()
    {
        var path = $"/api/v1/reporting/baselines/{Random.Shared.Next(2000, 2026)}";
        fixture.Echo.AnswerWithHeader(path, "X-CountyTech-Changes", """[{"field":"gdpWan","oldValue":1,"newValue":2}]""");
        var (id, key) = await GatewayFixture.RegisterClientAsync(fixture.Gateway, "reporting:write");
        using var client = fixture.Gateway.ClientWithKey(key);

        using var response = await client.PutAsJsonAsync(path, new { gdpWan = 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-CountyTech-Changes"));
        using var admin = fixture.Gateway.ClientWithKey(GatewayFactory.AdminKey);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?client=key:{id}");
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("PUT", path, 200), (entry.GetProperty("method").GetString(), entry.GetProperty("path").GetString(), entry.GetProperty("status").GetInt32()));
        Assert.Equal("gdpWan", entry.GetProperty("changes")[0].GetProperty("field").GetString());
        Assert.Equal(2m, entry.GetProperty("changes")[0].GetProperty("newValue").GetDecimal());
    }

    [Fact]
    public async Task Reads_and_callers_without_valid_credentials_leave_no_entry()
    {
        var (id, key) = await GatewayFixture.RegisterClientAsync(fixture.Gateway, "projects:read");
        using var reader = fixture.Gateway.ClientWithKey(key);
        using var stranger = fixture.Gateway.ClientWithKey("ct_" + Guid.NewGuid().ToString("N"));

        await reader.GetAsync("/api/v1/projects");
        await stranger.PostAsJsonAsync("/api/v1/projects", new { });
        var refused = await reader.PostAsJsonAsync("/api/v1/projects", new { });

        await Problems.AssertAsync(refused, HttpStatusCode.Forbidden);
        await using var scope = fixture.Gateway.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().AuditEntries
            .Where(e => e.ClientId == "key:" + id).Select(e => new { e.Method, e.Status }).ToListAsync();
        Assert.Equal(("POST", (int?)403), (Assert.Single(entries).Method, entries[0].Status));
    }

    [Fact]
    public async Task Entries_are_kept_for_the_configured_retention_and_then_deleted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gateway = fixture.NewGateway(
            new Dictionary<string, string?> { ["Gateway:Audit:Retention"] = "180.00:00:00", ["Gateway:Audit:SweepInterval"] = "01:00:00" },
            services => services.AddSingleton<TimeProvider>(clock));
        var (id, key) = await GatewayFixture.RegisterClientAsync(gateway, "projects:write");
        using var client = gateway.ClientWithKey(key);
        await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/outcomes", new { kind = "variety" });

        clock.Advance(TimeSpan.FromDays(179));
        Assert.Equal(1, await EntriesOfAsync(gateway, id));
        clock.Advance(TimeSpan.FromDays(2));

        await Eventually.UntilAsync(async () => await EntriesOfAsync(gateway, id) == 0, "the sweep to delete entries past their retention");
    }

    [Fact]
    public async Task The_trail_survives_a_restart_of_the_gateway()
    {
        var database = fixture.NewDatabase();
        string clientId;
        await using (var before = new GatewayFactory(database, fixture.Echo.Address))
        {
            var (id, key) = await GatewayFixture.RegisterClientAsync(before, "projects:write");
            clientId = id;
            using var client = before.ClientWithKey(key);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/outcomes", new { kind = "variety" })).StatusCode);
        }

        await using var after = new GatewayFactory(database, fixture.Echo.Address);
        using var admin = after.ClientWithKey(GatewayFactory.AdminKey);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/audit?client={clientId}");
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(201, entry.GetProperty("status").GetInt32());
    }

    [Fact]
    public void A_retention_under_180_days_stops_the_gateway()
    {
        var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Gateway:Audit:Retention"] = "30.00:00:00" });

        var failure = Record.Exception(() => gateway.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("Retention", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<int> EntriesOfAsync(GatewayFactory gateway, string clientId)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().AuditEntries.CountAsync(e => e.ClientId == "key:" + clientId);
    }
}
