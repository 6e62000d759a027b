using System.Net;
using System.Net.Http.Json;
using CountyTech.Testing;

namespace CountyTech.Gateway.Tests;

/// <summary>
/// The gateway's part of <c>Idempotency-Key</c>: the key is checked and forwarded (the service records it with its
/// effect, see the Projects and Platform tests), and a forwarded POST with a key is not cut off when its caller leaves.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class IdempotencyTests(GatewayFixture fixture)
{
    private readonly GatewayFactory _gateway = fixture.Gateway;

    [Fact]
    public async Task The_key_is_forwarded_to_the_service_with_each_post()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        var key = Guid.NewGuid().ToString();
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, key);

        var first = await client.PostAsJsonAsync(path, new { kind = "variety" });
        var repeat = await client.PostAsJsonAsync(path, new { kind = "variety" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.All(fixture.Echo.SeenAt(path), seen => Assert.Equal(key, seen.Header("Idempotency-Key")));
        Assert.Equal(2, fixture.Echo.SeenAt(path).Count);
    }

    [Fact]
    public async Task A_malformed_key_is_400_with_a_field_error_and_never_forwarded()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/outcomes";
        using var client = await ClientWithIdempotencyKeyAsync(_gateway, new string('k', 256));

        var response = await client.PostAsJsonAsync(path, new { });

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Empty(fixture.Echo.SeenAt(path));
    }

    [Fact]
    public async Task A_post_with_a_key_runs_to_its_end_at_the_service_when_the_caller_hangs_up()
    {
        var gateway = fixture.NewGateway();
        gateway.UseKestrel(0);
        var path = $"/api/v1/projects/{Guid.NewGuid()}/approval";
        var release = fixture.Echo.Hold(path);
        using var client = await ClientWithIdempotencyKeyAsync(gateway, Guid.NewGuid().ToString());
        using var hangUp = new CancellationTokenSource();

        var call = client.PostAsJsonAsync(path, new { approvedOn = "2025-05-20", fundingWan = 80 }, hangUp.Token);
        await Eventually.UntilAsync(() => fixture.Echo.SeenAt(path).Count == 1, "the request to reach the service");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        release.SetResult();

        await Eventually.UntilAsync(() => fixture.Echo.AnsweredAt(path).Count == 1, "the service to go on to its answer");
        Assert.Empty(fixture.Echo.AbortedAt(path));
    }

    [Fact]
    public async Task A_post_without_a_key_is_cut_off_with_its_caller()
    {
        var path = $"/api/v1/projects/{Guid.NewGuid()}/approval";
        var release = fixture.Echo.Hold(path);
        var gateway = fixture.NewGateway();
        gateway.UseKestrel(0);
        var (_, apiKey) = await GatewayFixture.RegisterClientAsync(gateway, "projects:review");
        using var client = gateway.ClientWithKey(apiKey);
        using var hangUp = new CancellationTokenSource();

        var call = client.PostAsJsonAsync(path, new { approvedOn = "2025-05-20", fundingWan = 80 }, hangUp.Token);
        await Eventually.UntilAsync(() => fixture.Echo.SeenAt(path).Count == 1, "the request to reach the service");
        await hangUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        await Eventually.UntilAsync(() => fixture.Echo.AbortedAt(path).Count == 1, "the service to see the request cut off");
        release.SetResult();
    }

    private static async Task<HttpClient> ClientWithIdempotencyKeyAsync(GatewayFactory gateway, string key)
    {
        var (_, apiKey) = await GatewayFixture.RegisterClientAsync(gateway, "projects:write", "projects:review");
        var client = gateway.ClientWithKey(apiKey);
        client.DefaultRequestHeaders.Add("Idempotency-Key", key);
        return client;
    }
}
