using System.Data.Common;
using System.Net;
using CountyTech.Gateway.Infrastructure;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// What an abuser meets: made-up keys and anonymous calls are limited per address before any key is hashed or looked
/// up, a valid key is looked up at most once a second and still stops within a second of its revocation anywhere, a
/// client is held to its own rate, and the public health probe costs the database nothing.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AbuseTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_flood_of_unknown_keys_is_answered_429_without_reaching_the_database()
    {
        var commands = new CommandCounter();
        var gateway = fixture.NewGateway(
            new Dictionary<string, string?> { ["Gateway:Limits:UnauthenticatedPermitsPerWindow"] = "10", ["Gateway:Limits:Window"] = "00:10:00" },
            services => services.ConfigureDbContext<GatewayDbContext>(options => options.AddInterceptors(commands)));
        using var anonymous = gateway.ClientWithKey(null);
        var before = commands.Count;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var stranger = gateway.ClientWithKey("ct_" + Guid.NewGuid().ToString("N"));
            answers.Add((await stranger.GetAsync("/api/v1/projects")).StatusCode);
        }

        using var limited = await anonymous.GetAsync("/api/v1/projects");
        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.Unauthorized));
        Assert.Equal(190, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        Assert.InRange(commands.Count - before, 1, 10);
        await Problems.AssertAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await gateway.ClientWithKey(null).GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_valid_key_is_looked_up_once_a_second_and_a_revocation_elsewhere_takes_effect_within_a_second()
    {
        // The gateway's clock is the test's: "within a second" is exact, whatever the machine's load.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var commands = new CommandCounter();
        var gateway = fixture.NewGateway(services: services => services
            .AddSingleton<TimeProvider>(clock)
            .ConfigureDbContext<GatewayDbContext>(options => options.AddInterceptors(commands)));
        var (id, key) = await GatewayFixture.RegisterClientAsync(gateway, "projects:read");
        using var client = gateway.ClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);

        var before = commands.Count;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);
        }

        Assert.InRange(commands.Count - before, 0, 5); // the rate limit's leases; the key is not read again

        // Revoked by another gateway instance: straight in the shared database, not through this one.
        await using (var scope = gateway.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().ApiClients.Where(c => c.Id == Guid.Parse(id))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, DateTimeOffset.UtcNow));
        }

        clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode); // still remembered
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Fact]
    public async Task A_client_is_held_to_its_own_requests_per_minute_and_others_to_the_default()
    {
        using var admin = fixture.Gateway.ClientWithKey(GatewayFactory.AdminKey);
        using var registered = await admin.PostAsync("/api/v1/admin/clients", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "市科技局夜间同步", kind = "city-system", scopes = new[] { "projects:read" }, requestsPerMinute = 3,
        }));
        var body = await registered.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        using var document = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(3, document.RootElement.GetProperty("requestsPerMinute").GetInt32());
        var (_, other) = await GatewayFixture.RegisterClientAsync(fixture.Gateway, "projects:read");
        using var limited = fixture.Gateway.ClientWithKey(document.RootElement.GetProperty("apiKey").GetString());
        using var unlimited = fixture.Gateway.ClientWithKey(other);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await limited.GetAsync("/api/v1/projects")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await unlimited.GetAsync("/api/v1/projects")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public async Task A_requests_per_minute_outside_1_to_100000_is_400(int requestsPerMinute)
    {
        using var admin = fixture.Gateway.ClientWithKey(GatewayFactory.AdminKey);

        var response = await admin.PostAsync("/api/v1/admin/clients", System.Net.Http.Json.JsonContent.Create(new
        {
            name = "限流", kind = "city-system", scopes = new[] { "projects:read" }, requestsPerMinute,
        }));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["requestsPerMinute"], Problems.ErrorFields(problem));
    }

    [Fact]
    public async Task The_public_health_probe_answers_liveness_without_touching_the_database()
    {
        var commands = new CommandCounter();
        var gateway = fixture.NewGateway(services: services => services.ConfigureDbContext<GatewayDbContext>(options => options.AddInterceptors(commands)));
        using var anonymous = gateway.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
        var before = commands.Count;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        }

        Assert.Equal(before, commands.Count);
    }

    /// <summary>Counts the commands the gateway sends to its database.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
