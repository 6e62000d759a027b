using System.Net.Http.Json;
using System.Text.Json;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 2: <c>GET /api/v1/projects/{id}</c> (a database-backed read) through the gateway, straight to the
/// Projects process with the gateway's proof, through a bare YARP forwarder (<see cref="BareProxy"/>) and through nginx
/// (<see cref="NginxForwarder"/>), with <c>wrk</c> at 32 connections and at 1. The four are measured in rounds, each
/// round running all four one after the other in an order that turns from round to round, and each ratio is the median
/// of the rounds' ratios: on this machine two runs a minute apart differ by up to a tenth, which one pair of runs would
/// count as the gateway's.
/// </summary>
internal static class GatewayMeasurements
{
    private sealed record Path(string Name, Uri Url, Func<IReadOnlyDictionary<string, string>> Headers);

    public static async Task RunAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var client = await platform.RegisterAsync("基准测试读取", "projects:read", "projects:write");
        var id = await SubmitProjectAsync(platform, client);
        var path = $"/api/v1/projects/{id}";
        var projects = platform.Processes["projects"].Url;
        await using var bare = await BareProxy.StartAsync(projects, () => platform.ProofHeaders(client, path));
        await using var nginx = await NginxForwarder.StartAsync(projects);

        // The proof is signed just before each direct run (each run is shorter than its 30 s lifetime).
        var gateway = new Path("the gateway", new Uri(platform.Gateway, path), () => new Dictionary<string, string> { ["X-Api-Key"] = client.ApiKey });
        var direct = new Path("direct", new Uri(projects, path), () => platform.ProofHeaders(client, path));
        var forwarder = new Path("bare YARP", new Uri(bare.Address, path), () => new Dictionary<string, string>());
        var inC = new Path("nginx", new Uri(nginx.Address, path), () => platform.ProofHeaders(client, path));
        Path[] paths = [gateway, direct, forwarder, inC];

        // Every path answers, then runs under load for a while before it is measured, so that no run pays for the JIT
        // of the gateway or of Projects that a later one would find compiled.
        foreach (var warm in paths)
        {
            await WarmUpAsync(platform, warm);
            await Wrk.RunAsync(warm.Url, 32, settings.HttpDuration, warm.Headers());
        }

        var at32 = await RoundsAsync(paths, 32, settings);
        var at1 = await RoundsAsync(paths, 1, settings);
        foreach (var (connections, measured) in new[] { (32, at32), (1, at1) })
        {
            foreach (var (name, run) in measured.SelectMany(round => round).Where(r => r.Value.Failures > 0))
            {
                results.Note($"wrk {name} at {connections} connections: {run.Failures} of {run.Requests} requests were not 2xx (or socket errors).");
            }
        }

        var rounds = at32.Count == 1 ? "one round" : $"median of {at32.Count} rounds";
        AddRows(results, "GET project by id", "gateway", gateway, direct, at32, at1, rounds, goals: true);

        // What no YARP gateway on this machine can beat: the forwarder alone, in the same rounds.
        AddRows(results, "the forwarder's ceiling", "bare YARP (Kestrel, the forwarder and the proof, nothing else)", forwarder, direct, at32, at1, rounds, goals: false);

        // The same forwarding in a process that is not .NET: what a second process and hop cost on this machine.
        AddRows(results, "a forwarder in C", "nginx (one worker, connections reused)", inC, direct, at32, at1, rounds, goals: false);
    }

    /// <summary>
    /// The two rows of a path measured against the direct call: its rate at 32 connections and the median it adds at 1,
    /// each against the direct call's in the same rounds; with <paramref name="goals"/>, issue 7's goal 2 beside them.
    /// </summary>
    private static void AddRows(
        Results results, string what, string described, Path path, Path direct,
        IReadOnlyList<Dictionary<string, WrkResult>> at32, IReadOnlyList<Dictionary<string, WrkResult>> at1, string rounds, bool goals)
    {
        var rate = Rates(at32, path, direct);
        results.Add(new ResultRow($"{what}, 32 connections: {described} / direct req/s ({rounds})",
            $"{RequestsPerSecond(at32, path)} req/s (rounds: {Results.List(rate)})", $"{RequestsPerSecond(at32, direct)} req/s",
            Results.Median(rate), goals ? "≥ 0.85" : "", goals ? Results.Median(rate) >= 0.85 : null));
        var added = Added(at1, path, direct);
        results.Add(new ResultRow($"{what}, 1 connection: median added by {path.Name} / direct median ({rounds})",
            $"{Milliseconds(at1, path)} ms (rounds: {Results.List(added)})", $"{Milliseconds(at1, direct)} ms",
            Results.Median(added), goals ? "small fraction (≤ 0.5)" : "", goals ? Results.Median(added) <= 0.5 : null));
    }

    /// <summary>
    /// <see cref="Settings.HttpRounds"/> rounds of one <c>wrk</c> run per path; round <c>r</c> starts with path <c>r</c>
    /// (modulo their number), so that the order turns from round to round.
    /// </summary>
    private static async Task<IReadOnlyList<Dictionary<string, WrkResult>>> RoundsAsync(Path[] paths, int connections, Settings settings)
    {
        var rounds = new List<Dictionary<string, WrkResult>>();
        for (var round = 0; round < settings.HttpRounds; round++)
        {
            var runs = new Dictionary<string, WrkResult>(StringComparer.Ordinal);
            for (var i = 0; i < paths.Length; i++)
            {
                var next = paths[(round + i) % paths.Length];
                runs[next.Name] = await Wrk.RunAsync(next.Url, connections, settings.HttpDuration, next.Headers());
            }

            rounds.Add(runs);
        }

        return rounds;
    }

    private static List<double> Rates(IEnumerable<Dictionary<string, WrkResult>> rounds, Path path, Path baseline) =>
        rounds.Select(r => r[path.Name].SucceededPerSecond / r[baseline.Name].SucceededPerSecond).ToList();

    /// <summary>Per round, the median latency that <paramref name="path"/> adds, as a fraction of <paramref name="baseline"/>'s median.</summary>
    private static List<double> Added(IEnumerable<Dictionary<string, WrkResult>> rounds, Path path, Path baseline) =>
        rounds.Select(r => (r[path.Name].MedianMs - r[baseline.Name].MedianMs) / r[baseline.Name].MedianMs).ToList();

    private static string RequestsPerSecond(IEnumerable<Dictionary<string, WrkResult>> rounds, Path path) =>
        Results.Number(Results.Median(rounds.Select(r => r[path.Name].SucceededPerSecond)), "0");

    private static string Milliseconds(IEnumerable<Dictionary<string, WrkResult>> rounds, Path path) =>
        "median " + Results.Number(Results.Median(rounds.Select(r => r[path.Name].MedianMs)), "0.00");

    private static async Task WarmUpAsync(RunningPlatform platform, Path path)
    {
        for (var i = 0; i < 20; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path.Url);
            foreach (var (name, value) in path.Headers())
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
