using CountyTech.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CountyTech.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class IdempotencyTests(GatewayFixture fixture)
{
    private readonly GatewayFactory _gateway = fixture.Gateway;

    [Fact]
    public async Task A_repeated_key_returns_the_first_response_and_the_service_sees_one_request()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/disbursements";
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, Guid.NewGuid().ToString());
        var disbursement = new { paidOn = "2025-04-01", amountWan = 12.5 };

        var first = await client.PostAsJsonAsync(path, disbursement);
        var repeat = await client.PostAsJsonAsync(path, disbursement);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, repeat.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Single(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task Over_a_real_connection_the_answer_is_recorded_before_the_caller_has_it()
    {
        var gateway = fixture.NewGateway();
        gateway.UseKestrel(0);
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = await ClientWithIdempotencyKeyAsync(gateway, Guid.NewGuid().ToString());
        var outcome = new { kind = "technique", name = "稻渔综合种养", recordedOn = "2025-08-08", demoAreaMu = 320 };

        var first = await client.PostAsJsonAsync(path, outcome);
        var repeats = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsJsonAsync(path, outcome)));

        Assert.False(client.BaseAddress!.IsDefaultPort, "the gateway listens on a real port");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        foreach (var repeat in repeats)
        {
            Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
            Assert.Equal(first.Headers.Location, repeat.Headers.Location);
            Assert.Equal(body, await repeat.Content.ReadAsStringAsync());
        }

        Assert.Single(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task The_same_key_from_another_client_is_a_different_request()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        var key = Guid.NewGuid().ToString();
        using var one = await ClientWithIdempotencyKeyAsync(_gateway, key);
        using var other = await ClientWithIdempotencyKeyAsync(_gateway, key);

        Assert.Equal(HttpStatusCode.Created, (await one.PostAsJsonAsync(path, new { kind = "variety" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync(path, new { kind = "variety" })).StatusCode);

        Assert.Equal(2, fixture.Echo.SeenAt(path).Count);
    }

    [Fact]
    public async Task A_key_reused_for_another_body_or_path_is_409()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, Guid.NewGuid().ToString());

        var first = await client.PostAsJsonAsync(path, new { kind = "variety", name = "云粳37号" });
        var otherBody = await client.PostAsJsonAsync(path, new { kind = "variety", name = "楚粳28号" });
        var otherPath = await client.PostAsJsonAsync(path + "/x", new { kind = "variety", name = "云粳37号" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await Problems.AssertAsync(otherBody, HttpStatusCode.Conflict);
        await Problems.AssertAsync(otherPath, HttpStatusCode.Conflict);
        Assert.Single(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_duplicate_while_the_first_is_in_flight_is_409_and_the_first_still_completes()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/approval";
        var release = fixture.Echo.Hold(path);
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, Guid.NewGuid().ToString());
        var approval = new { approvedOn = "2025-05-20", fundingWan = 80 };

        var first = client.PostAsJsonAsync(path, approval);
        await Eventually.UntilAsync(() => fixture.Echo.SeenAt(path).Count == 1, "the first request to reach the service");
        var duplicate = await client.PostAsJsonAsync(path, approval);
        release.SetResult();
        var firstResponse = await first;
        var afterwards = await client.PostAsJsonAsync(path, approval);

        var problem = await Problems.AssertAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Contains("still being processed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.Single(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_server_error_is_not_recorded_so_a_retry_is_forwarded()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/fail";
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, Guid.NewGuid().ToString());

        var first = await client.PostAsJsonAsync(path, new { });
        var retry = await client.PostAsJsonAsync(path, new { });

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, retry.StatusCode);
        Assert.Equal(2, fixture.Echo.SeenAt(path).Count);
    }

    [Fact]
    public async Task A_malformed_key_is_400_with_a_field_error()
    {
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, new string('k', 256));

        var response = await client.PostAsJsonAsync($"/api/v1/projects/{Guid.NewGuid()}/outcomes", new { });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task After_24_hours_a_key_is_forwarded_again_and_expired_records_are_deleted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gateway = fixture.NewGateway(services: services => services.AddSingleton<TimeProvider>(clock));
        var path = $"/api/v1/projects/{Guid.NewGuid()}/acceptance";
        using var client = await ClientWithIdempotencyKeyAsync(gateway, Guid.NewGuid().ToString());
        var acceptance = new { acceptedOn = "2025-12-01", passed = true };

        var first = await client.PostAsJsonAsync(path, acceptance);
        clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var dayLater = await client.PostAsJsonAsync(path, acceptance);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, dayLater.StatusCode);
        Assert.NotEqual(first.Headers.Location, dayLater.Headers.Location);
        Assert.Equal(2, fixture.Echo.SeenAt(path).Count);

        clock.Advance(TimeSpan.FromHours(25));
        await Eventually.UntilAsync(async () => await CountRecordsAsync(gateway) == 0, "the cleanup to delete expired records");
    }

    [Fact]
    public async Task A_claim_left_unanswered_past_the_in_flight_timeout_is_taken_over_by_a_retry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gateway = fixture.NewGateway(services: services => services.AddSingleton<TimeProvider>(clock));
        var path = $"/api/v1/projects/{Guid.NewGuid()}/rejection";
        var release = fixture.Echo.Hold(path);
        using var client = await ClientWithIdempotencyKeyAsync(gateway, Guid.NewGuid().ToString());
        var rejection = new { rejectedOn = "2025-06-30", reason = "预算超出县级专项额度" };

        var stuck = client.PostAsJsonAsync(path, rejection);
        await Eventually.UntilAsync(() => fixture.Echo.SeenAt(path).Count == 1, "the first request to reach the service");
        clock.Advance(TimeSpan.FromMinutes(3));
        var retry = client.PostAsJsonAsync(path, rejection);
        await Eventually.UntilAsync(() => fixture.Echo.SeenAt(path).Count == 2, "the retry to reach the service");
        release.SetResult();
        var (stuckResponse, retryResponse) = (await stuck, await retry);
        var replay = await client.PostAsJsonAsync(path, rejection);

        Assert.Equal(HttpStatusCode.Created, stuckResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retryResponse.StatusCode);
        Assert.Equal(await retryResponse.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(2, fixture.Echo.SeenAt(path).Count);
    }

    private static async Task<int> CountRecordsAsync(GatewayFactory gateway)
    {
        await using var scope = gateway.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().IdempotentRequests.CountAsync();
    }

    private static async Task<HttpClient> ClientWithIdempotencyKeyAsync(GatewayFactory gateway, string key)
    {
        var (_, apiKey) = await GatewayFixture.RegisterClientAsync(gateway, "projects:write");
        var client = gateway.ClientWithKey(apiKey);
        client.DefaultRequestHeaders.Add("Idempotency-Key", key);
        return client;
    }
}
