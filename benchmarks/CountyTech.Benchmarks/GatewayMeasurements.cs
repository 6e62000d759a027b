using System.Net.Http.Json;
using System.Text.Json;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 2: <c>GET /api/v1/projects/{id}</c> (a database-backed read) through the gateway and straight to the
/// Projects process with the gateway's proof, with <c>wrk</c> at 32 connections and at 1, one right after the other.
/// </summary>
internal static class GatewayMeasurements
{
    public static async Task RunAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var client = await platform.RegisterAsync("基准测试读取", "projects:read", "projects:write");
        var id = await SubmitProjectAsync(platform, client);
        var path = $"/api/v1/projects/{id}";
        var viaGateway = new Dictionary<string, string> { ["X-Api-Key"] = client.ApiKey };

        // Both paths answer, then run under load for a while, before they are measured: the gateway's run would otherwise
        // pay for the JIT of the gateway and of Projects, and the direct run after it find Projects compiled. Each run is
        // shorter than a proof's lifetime (30 s); the proof is signed just before each direct run.
        await WarmUpAsync(platform, new Uri(platform.Gateway, path), viaGateway);
        await WarmUpAsync(platform, new Uri(platform.Processes["projects"].Url, path), platform.ProofHeaders(client, path));
        await Wrk.RunAsync(new Uri(platform.Gateway, path), 32, settings.HttpDuration, viaGateway);
        await Wrk.RunAsync(new Uri(platform.Processes["projects"].Url, path), 32, settings.HttpDuration, platform.ProofHeaders(client, path));
        var gateway32 = await Wrk.RunAsync(new Uri(platform.Gateway, path), 32, settings.HttpDuration, viaGateway);
        var direct32 = await Wrk.RunAsync(new Uri(platform.Processes["projects"].Url, path), 32, settings.HttpDuration, platform.ProofHeaders(client, path));
        var gateway1 = await Wrk.RunAsync(new Uri(platform.Gateway, path), 1, settings.HttpDuration, viaGateway);
        var direct1 = await Wrk.RunAsync(new Uri(platform.Processes["projects"].Url, path), 1, settings.HttpDuration, platform.ProofHeaders(client, path));
        WrkResult bare32, bare1;
        await using (var bare = await BareProxy.StartAsync(platform.Processes["projects"].Url, () => platform.ProofHeaders(client, path)))
        {
            await WarmUpAsync(platform, new Uri(bare.Address, path), []);
            await Wrk.RunAsync(new Uri(bare.Address, path), 32, settings.HttpDuration, new Dictionary<string, string>());
            bare32 = await Wrk.RunAsync(new Uri(bare.Address, path), 32, settings.HttpDuration, new Dictionary<string, string>());
            bare1 = await Wrk.RunAsync(new Uri(bare.Address, path), 1, settings.HttpDuration, new Dictionary<string, string>());
        }

        foreach (var (name, run) in new[] { ("gateway 32", gateway32), ("direct 32", direct32), ("gateway 1", gateway1), ("direct 1", direct1), ("bare YARP 32", bare32), ("bare YARP 1", bare1) })
        {
            if (run.Failures > 0)
            {
                results.Note($"wrk {name}: {run.Failures} of {run.Requests} requests were not 2xx (or socket errors).");
            }
        }

        var ratio = gateway32.SucceededPerSecond / direct32.SucceededPerSecond;
        results.Add(new ResultRow("GET project by id, 32 connections: gateway / direct req/s",
            $"{Results.Number(gateway32.SucceededPerSecond, "0")} req/s", $"{Results.Number(direct32.SucceededPerSecond, "0")} req/s",
            ratio, "≥ 0.85", ratio >= 0.85));
        var added = gateway1.MedianMs - direct1.MedianMs;
        var fraction = added / direct1.MedianMs;
        results.Add(new ResultRow("GET project by id, 1 connection: median added by the gateway / direct median",
            $"+{Results.Number(added, "0.00")} ms (median {Results.Number(gateway1.MedianMs, "0.00")} ms)",
            $"{Results.Number(direct1.MedianMs, "0.00")} ms", fraction, "small fraction (≤ 0.5)", fraction <= 0.5));

        // What no YARP gateway on this machine can beat: the forwarder alone, right after.
        results.Add(new ResultRow("the forwarder's ceiling, 32 connections: bare YARP (Kestrel, the forwarder and the proof, nothing else) / direct req/s",
            $"{Results.Number(bare32.SucceededPerSecond, "0")} req/s", $"{Results.Number(direct32.SucceededPerSecond, "0")} req/s",
            bare32.SucceededPerSecond / direct32.SucceededPerSecond, "", null));
        results.Add(new ResultRow("the forwarder's ceiling, 1 connection: median added by bare YARP / direct median",
            $"+{Results.Number(bare1.MedianMs - direct1.MedianMs, "0.00")} ms (median {Results.Number(bare1.MedianMs, "0.00")} ms)",
            $"{Results.Number(direct1.MedianMs, "0.00")} ms", (bare1.MedianMs - direct1.MedianMs) / direct1.MedianMs, "", null));
    }

    private static async Task WarmUpAsync(RunningPlatform platform, Uri url, Dictionary<string, string> headers)
    {
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var (name, value) in headers)
            {
                request.Headers.Add(name, value);
            }

            using var response = await platform.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }

    public static async Task<Guid> SubmitProjectAsync(RunningPlatform platform, PlatformClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.Gateway, "/api/v1/projects"))
        {
            Content = JsonContent.Create(new
            {
                title = "基准测试项目", level = "county", field = "agriculture", leadOrganization = "县茶叶产业发展中心",
                township = "城关镇", plannedStart = "2025-01-01", plannedEnd = "2026-12-31", budgetWan = 12.5m,
            }),
        };
        request.Headers.Add("X-Api-Key", client.ApiKey);
        using var response = await platform.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }
}
