using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 3: <c>GET /api/v1/reporting/indicators?year=2025</c> (straight to Reporting, with the gateway's proof)
/// with a small and then a large number of stored events, written with binary COPY as project submission and approval
/// facts spread evenly over 2000–2039. The COPY goes through the same statement triggers as the consumer's upserts,
/// so the flows' totals the indicators read are kept exactly as they would be had the events been consumed.
/// </summary>
internal static class IndicatorScale
{
    private const string Path = "/api/v1/reporting/indicators?year=2025";

    public static async Task RunAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var client = await platform.RegisterAsync("基准测试指标", "reporting:read");
        await using var connection = new NpgsqlConnection(platform.ReportingDb);
        await connection.OpenAsync();
        await using var sample = new NpgsqlCommand("SELECT level, field, township FROM project_submissions LIMIT 1", connection);
        await using var reader = await sample.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (level, field, township) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
        await reader.DisposeAsync();

        await FillToAsync(connection, settings.SmallScale, level, field, township);
        var small = await MedianSecondsAsync(platform, client, settings.QueryRepeats);
        var fill = Stopwatch.StartNew();
        await FillToAsync(connection, settings.LargeScale, level, field, township);
        results.Note($"{settings.LargeScale:N0} stored events written with binary COPY (+ ANALYZE) in {fill.Elapsed.TotalSeconds:0} s.");
        var large = await MedianSecondsAsync(platform, client, settings.QueryRepeats);

        results.Note("Where the time goes at the large scale (a flow indicator's two years from its totals, EXPLAIN ANALYZE): " +
            await ProfileAsync(connection));
        results.Add(new ResultRow($"indicators?year=2025 at {settings.LargeScale:N0} / at {settings.SmallScale:N0} stored events (median of {settings.QueryRepeats})",
            $"{Results.Number(large * 1000, "0")} ms", $"{Results.Number(small * 1000, "0")} ms", large / small, "≤ 2", large / small <= 2));
    }

    /// <summary>The plan's scan and its execution time, for two years of a flow of the approvals (what each flow indicator asks).</summary>
    private static async Task<string> ProfileAsync(NpgsqlConnection connection)
    {
        await using var explain = new NpgsqlCommand(
            "EXPLAIN (ANALYZE, BUFFERS) SELECT year, sum(value) FROM flow_totals WHERE flow = " +
            "(SELECT flow FROM flow_definitions WHERE fact_table = 'project_approvals' ORDER BY flow LIMIT 1) " +
            "AND year BETWEEN 2024 AND 2025 AND rows > 0 GROUP BY year", connection);
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0).Trim());
        }

        return $"`{lines.FirstOrDefault(l => l.Contains("Scan", StringComparison.Ordinal))}`; {lines.LastOrDefault()}";
    }

    private static async Task<long> StoredAsync(NpgsqlConnection connection)
    {
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM project_submissions) + (SELECT count(*) FROM project_approvals)", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Adds facts until the two tables hold <paramref name="target"/> rows together, then ANALYZEs them.</summary>
    private static async Task FillToAsync(NpgsqlConnection connection, long target, string level, string field, string township)
    {
        var missing = target - await StoredAsync(connection);
        var first = new DateOnly(2000, 1, 1);
        var days = new DateOnly(2040, 1, 1).DayNumber - first.DayNumber;
        var random = new Random(7);
        foreach (var (table, dateColumn, amountColumn) in new[]
                 {
                     ("project_submissions", "submitted_on", "budget_wan"), ("project_approvals", "approved_on", "funding_wan"),
                 })
        {
            var rows = missing / 2 + (table == "project_submissions" ? missing % 2 : 0);
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {table} (project_id, message_id, level, field, township, {dateColumn}, {amountColumn}) FROM STDIN (FORMAT BINARY)");
            for (var i = 0L; i < rows; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(level, NpgsqlDbType.Varchar);
                await copy.WriteAsync(field, NpgsqlDbType.Varchar);
                await copy.WriteAsync(township, NpgsqlDbType.Text);
                await copy.WriteAsync(first.AddDays(random.Next(days)), NpgsqlDbType.Date);
                await copy.WriteAsync(12.5m, NpgsqlDbType.Numeric);
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE project_submissions, project_approvals", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<double> MedianSecondsAsync(RunningPlatform platform, PlatformClient client, int repeats)
    {
        var url = new Uri(platform.Processes["reporting"].Url, Path);
        var times = new List<double>();
        for (var i = 0; i <= repeats; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var (name, value) in platform.ProofHeaders(client, Path))
            {
                request.Headers.Add(name, value);
            }

            var clock = Stopwatch.StartNew();
            using var response = await platform.Http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
