using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 1, end to end: <c>POST /api/v1/projects</c> through the gateway at the write API's maximum rate (wrk,
/// 32 connections) and then at half that rate, with what the outbox and Reporting did meanwhile: events consumed during
/// the load over events written, the outbox's oldest pending row, and the latency from the producer's commit (the outbox
/// row's <c>created_at</c>) to Reporting's applying it (the event log's <c>received_at</c>, written in the transaction
/// that makes the indicator visible).
/// </summary>
internal static class WriteLoad
{
    public const string SubmittedType = "CountyTech.Contracts.Projects.ProjectSubmitted";

    private const string Script = """
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
        local n = 0
        request = function()
          n = n + 1
          local body = string.format('{"title":"基准测试项目 %d-%d","level":"county","field":"agriculture","leadOrganization":"县茶叶产业发展中心","township":"城关镇","plannedStart":"2025-01-01","plannedEnd":"2026-12-31","budgetWan":12.5}', math.random(1, 1000000000), n)
          return wrk.format(nil, nil, nil, body)
        end
        """;

    public static async Task RunAsync(RunningPlatform platform, Settings settings, string workDirectory, Results results)
    {
        var client = await platform.RegisterAsync("基准测试写入", "projects:read", "projects:write");
        var script = Path.Combine(workDirectory, "submit.lua");
        await File.WriteAllTextAsync(script, Script);

        // The maximum sustained rate, with the outbox's oldest pending row sampled meanwhile.
        using var sampling = new CancellationTokenSource();
        var from = DateTimeOffset.UtcNow;
        var oldest = SampleOldestPendingAsync(platform.ProjectsDb, sampling.Token);
        var max = await Wrk.RunAsync(new Uri(platform.Gateway, "/api/v1/projects"), 32, settings.WriteDuration,
            new Dictionary<string, string> { ["X-Api-Key"] = client.ApiKey }, script);
        var to = DateTimeOffset.UtcNow;
        await sampling.CancelAsync();
        var oldestSeconds = await oldest;
        var (written, consumed, _) = await FollowAsync(platform, from, to, TimeSpan.FromSeconds(settings.Smoke ? 60 : 300));

        var share = written == 0 ? 0 : consumed / (double)written;
        results.Add(new ResultRow($"writes at the maximum rate ({Results.Number(max.SucceededPerSecond, "0")} POST/s, 32 connections): consumed during the load / written",
            $"{consumed} consumed", $"{written} written", share, "≥ 0.95", share >= 0.95));
        results.Add(new ResultRow("oldest unpublished outbox row during that load", $"{Results.Number(oldestSeconds, "0.00")} s", "", null, "< 1 s", oldestSeconds < 1));

        // Half that rate, paced; the latency of each event from the producer's commit to Reporting's.
        var rate = Math.Max(1, max.SucceededPerSecond / 2);
        from = DateTimeOffset.UtcNow;
        var failures = await PacedSubmitsAsync(platform, client, rate, settings.WriteDuration);
        to = DateTimeOffset.UtcNow;
        var (halfWritten, halfConsumed, latencies) = await FollowAsync(platform, from, to, TimeSpan.FromSeconds(settings.Smoke ? 60 : 300));
        if (failures > 0)
        {
            results.Note($"paced writes: {failures} POSTs failed.");
        }

        latencies.Sort();
        var p50 = Percentile(latencies, 0.50);
        var p99 = Percentile(latencies, 0.99);
        results.Add(new ResultRow($"write → indicator visible at half that rate ({Results.Number(rate, "0")} POST/s): p99 (p50)",
            $"{Results.Number(p99, "0.000")} s ({Results.Number(p50, "0.000")} s)", $"{halfWritten} events, {halfConsumed} consumed during the load",
            null, "p99 ≤ 1 s", p99 <= 1));
    }

    /// <summary>POSTs at <paramref name="rate"/> a second for <paramref name="duration"/>; returns how many failed.</summary>
    private static async Task<int> PacedSubmitsAsync(RunningPlatform platform, PlatformClient client, double rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<bool>>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            sends.Add(SubmitAsync(platform, client, i));
        }

        var outcomes = await Task.WhenAll(sends);
        return outcomes.Count(ok => !ok);
    }

    private static async Task<bool> SubmitAsync(RunningPlatform platform, PlatformClient client, int n)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(platform.Gateway, "/api/v1/projects"))
        {
            Content = JsonContent.Create(new
            {
                title = $"基准测试项目 paced-{n}", level = "county", field = "agriculture", leadOrganization = "县茶叶产业发展中心",
                township = "城关镇", plannedStart = "2025-01-01", plannedEnd = "2026-12-31", budgetWan = 12.5m,
            }),
        };
        request.Headers.Add("X-Api-Key", client.ApiKey);
        try
        {
            using var response = await platform.Http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The largest age of the oldest pending outbox row seen, sampled every 250 ms until cancelled.</summary>
    private static async Task<double> SampleOldestPendingAsync(string projectsDb, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(projectsDb);
        await connection.OpenAsync(CancellationToken.None);
        var largest = 0.0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var command = new NpgsqlCommand(
                "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM outbox_message WHERE sent_at IS NULL", connection);
            largest = Math.Max(largest, (double)(await command.ExecuteScalarAsync(CancellationToken.None))!);
            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return largest;
    }

    /// <summary>
    /// The ProjectSubmitted events written between <paramref name="from"/> and <paramref name="to"/>, how many Reporting
    /// had applied by <paramref name="to"/>, and, once it has applied them all, each one's latency in seconds.
    /// </summary>
    private static async Task<(int Written, int Consumed, List<double> Latencies)> FollowAsync(
        RunningPlatform platform, DateTimeOffset from, DateTimeOffset to, TimeSpan patience)
    {
        var written = new Dictionary<Guid, DateTimeOffset>();
        await using (var projects = new NpgsqlConnection(platform.ProjectsDb))
        {
            await projects.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT id, created_at FROM outbox_message WHERE created_at BETWEEN @from AND @to AND message_type LIKE @type", projects);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            command.Parameters.AddWithValue("type", SubmittedType + ",%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                written[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }

        var ids = written.Keys.ToArray();
        var received = await Reporting.WaitForAppliedAsync(platform.ReportingDb, ids, patience);
        var consumed = received.Values.Count(at => at <= to);
        var latencies = received.Select(r => (r.Value - written[r.Key]).TotalSeconds).ToList();
        return (written.Count, consumed, latencies);
    }

    public static double Percentile(List<double> sorted, double quantile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
}
