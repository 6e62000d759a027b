using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 3: <c>GET /api/v1/reporting/indicators?year=2025</c> (straight to Reporting, with the gateway's proof)
/// with a small and then a large number of stored events, written with binary COPY into every fact table the year's
/// indicators read, in a county's proportions, dated evenly over 2000–2039. The COPY goes through the same statement
/// triggers as the consumer's upserts, so the totals the indicators read are kept exactly as they would be had the events
/// been consumed.
/// </summary>
internal static class IndicatorScale
{
    private const string Path = "/api/v1/reporting/indicators?year=2025";

    public static async Task RunAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var client = await platform.RegisterAsync("基准测试指标", "reporting:read");
        // No command timeout: a bulk COPY commits only once its statement triggers have kept every total.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(platform.ReportingDb) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        await FillToAsync(connection, settings.SmallScale);
        var small = await MedianSecondsAsync(platform, client, Path, settings.QueryRepeats);
        var fill = Stopwatch.StartNew();
        await FillToAsync(connection, settings.LargeScale);
        results.Note($"{settings.LargeScale:N0} stored events written with binary COPY (+ ANALYZE) in {fill.Elapsed.TotalSeconds:0} s.");
        var large = await MedianSecondsAsync(platform, client, Path, settings.QueryRepeats);

        results.Note("Where the time goes at the large scale (the slowest indicators, each asked alone for the same two years, " +
            "median of 3): " + await SlowestAsync(platform, client));
        results.Add(new ResultRow($"indicators?year=2025 at {settings.LargeScale:N0} / at {settings.SmallScale:N0} stored events (median of {settings.QueryRepeats})",
            $"{Results.Number(large * 1000, "0")} ms", $"{Results.Number(small * 1000, "0")} ms", large / small, "≤ 2", large / small <= 2));
    }

    /// <summary>Every indicator of the year's answer timed alone (<c>/indicators/{code}?from=2024&amp;to=2025</c>): the three slowest.</summary>
    private static async Task<string> SlowestAsync(RunningPlatform platform, PlatformClient client)
    {
        var (_, body) = await SendAsync(platform, client, Path);
        var codes = JsonDocument.Parse(body).RootElement.GetProperty("indicators").EnumerateArray()
            .Select(i => i.GetProperty("code").GetString()!).ToList();
        var times = new List<(string Code, double Seconds)>();
        foreach (var code in codes)
        {
            times.Add((code, await MedianSecondsAsync(platform, client, $"/api/v1/reporting/indicators/{code}?from=2024&to=2025", 3)));
        }

        return string.Join(", ", times.OrderByDescending(t => t.Seconds).Take(3).Select(t => $"`{t.Code}` {t.Seconds * 1000:0.0} ms")) +
            $"; all {codes.Count} together {times.Sum(t => t.Seconds) * 1000:0} ms";
    }

    /// <summary>
    /// The fact tables the indicators read and each one's share of the stored events: the projects' flows, the distinct
    /// counts' subjects (certificates, tech SME registrations) and the stocks (certificates, R&amp;D centres, commissioners
    /// and their departures, demonstration bases and households, granted and lapsed patents).
    /// </summary>
    private static readonly (string Table, double Share)[] Shares =
    [
        ("project_submissions", 0.30), ("project_approvals", 0.20), ("high_tech_certificates", 0.05),
        ("tech_sme_registrations", 0.10), ("rd_centres", 0.03), ("commissioner_dispatches", 0.05),
        ("demonstration_base_certifications", 0.03), ("demonstration_household_certifications", 0.07), ("patent_grants", 0.17),
    ];

    /// <summary>Tables filled alongside another (a share of its rows): departures of dispatched commissioners, lapses of granted inventions.</summary>
    private static readonly string[] Dependent = ["commissioner_departures", "patent_lapses"];

    private static readonly string[] Levels = ["National", "Provincial", "Municipal", "County", "County", "County"];

    private static readonly DateOnly First = new(2000, 1, 1);

    private static readonly int Days = new DateOnly(2040, 1, 1).DayNumber - First.DayNumber;

    private static async Task<long> StoredAsync(NpgsqlConnection connection)
    {
        var tables = Shares.Select(s => s.Table).Concat(Dependent).Select(t => $"(SELECT count(*) FROM {t})");
        await using var count = new NpgsqlCommand($"SELECT {string.Join(" + ", tables)}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Adds facts until the tables hold about <paramref name="target"/> rows together, each table its share, dates spread
    /// evenly over 2000–2039 and twelve townships; then ANALYZEs them. Subjects as in a county: an enterprise holds a chain
    /// of certificates (renewed, sometimes early, so they overlap; one in twenty revoked) and registers as a tech SME for
    /// one to five years running; two in five commissioners depart; three in ten granted inventions lapse.
    /// </summary>
    private static async Task FillToAsync(NpgsqlConnection connection, long target)
    {
        var missing = target - await StoredAsync(connection);
        var random = new Random((int)(target % int.MaxValue));
        var townships = Enumerable.Range(1, 12).Select(i => $"基准镇{i}").ToArray();
        string Township() => townships[random.Next(townships.Length)];
        DateOnly Date() => First.AddDays(random.Next(Days));
        var departures = new List<(Guid Id, string Township, DateOnly On)>();
        var lapses = new List<(Guid Id, string Township, DateOnly GrantedOn, DateOnly On)>();
        foreach (var (table, share) in Shares)
        {
            var rows = (long)(missing * share);
            switch (table)
            {
                case "project_submissions" or "project_approvals":
                    var submissions = table == "project_submissions";
                    await CopyAsync(connection, submissions
                        ? "project_submissions (project_id, message_id, level, field, township, submitted_on, budget_wan)"
                        : "project_approvals (project_id, message_id, level, field, township, approved_on, funding_wan)", rows, async copy =>
                    {
                        await Ids(copy);
                        await copy.WriteAsync(Levels[random.Next(Levels.Length)], NpgsqlDbType.Varchar);
                        await copy.WriteAsync("Industry", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(Township(), NpgsqlDbType.Text);
                        await copy.WriteAsync(Date(), NpgsqlDbType.Date);
                        await copy.WriteAsync(12.5m, NpgsqlDbType.Numeric);
                        return 1;
                    });
                    break;
                case "high_tech_certificates":
                    await CopyAsync(connection, "high_tech_certificates (certificate_no, message_id, enterprise_id, township, issued_on, expires_on, revoked_on)", rows, async copy =>
                    {
                        var (enterprise, at) = (Guid.CreateVersion7(), Township());
                        var chain = random.Next(1, 5);
                        var issued = Date();
                        for (var i = 0; i < chain; i++)
                        {
                            if (i > 0)
                            {
                                await copy.StartRowAsync();
                            }

                            var expires = issued.AddYears(3);
                            await copy.WriteAsync(Guid.CreateVersion7().ToString("N"), NpgsqlDbType.Varchar);
                            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                            await copy.WriteAsync(enterprise, NpgsqlDbType.Uuid);
                            await copy.WriteAsync(at, NpgsqlDbType.Text);
                            await copy.WriteAsync(issued, NpgsqlDbType.Date);
                            await copy.WriteAsync(expires, NpgsqlDbType.Date);
                            if (random.Next(20) == 0)
                            {
                                await copy.WriteAsync(issued.AddDays(random.Next(1, 1095)), NpgsqlDbType.Date);
                            }
                            else
                            {
                                await copy.WriteNullAsync();
                            }

                            issued = expires.AddDays(-random.Next(0, 90));
                        }

                        return chain;
                    });
                    break;
                case "tech_sme_registrations":
                    await CopyAsync(connection, "tech_sme_registrations (enterprise_id, year, message_id, township, registration_no)", rows, async copy =>
                    {
                        var (enterprise, at) = (Guid.CreateVersion7(), Township());
                        var (from, years) = (2000 + random.Next(40), random.Next(1, 6));
                        for (var i = 0; i < years; i++)
                        {
                            if (i > 0)
                            {
                                await copy.StartRowAsync();
                            }

                            await copy.WriteAsync(enterprise, NpgsqlDbType.Uuid);
                            await copy.WriteAsync(from + i, NpgsqlDbType.Integer);
                            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                            await copy.WriteAsync(at, NpgsqlDbType.Text);
                            await copy.WriteAsync($"{from + i}-{enterprise:N}", NpgsqlDbType.Text);
                        }

                        return years;
                    });
                    break;
                case "rd_centres":
                    await CopyAsync(connection, "rd_centres (centre_id, message_id, enterprise_id, township, level, recognised_on)", rows, async copy =>
                    {
                        await Ids(copy);
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Township(), NpgsqlDbType.Text);
                        await copy.WriteAsync("County", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(Date(), NpgsqlDbType.Date);
                        return 1;
                    });
                    break;
                case "commissioner_dispatches":
                    await CopyAsync(connection, "commissioner_dispatches (commissioner_id, message_id, township, dispatched_on)", rows, async copy =>
                    {
                        var (commissioner, at, dispatched) = (Guid.CreateVersion7(), Township(), Date());
                        await copy.WriteAsync(commissioner, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(at, NpgsqlDbType.Text);
                        await copy.WriteAsync(dispatched, NpgsqlDbType.Date);
                        if (random.Next(5) < 2)
                        {
                            departures.Add((commissioner, at, dispatched.AddDays(random.Next(30, 3650))));
                        }

                        return 1;
                    });
                    await CopyAsync(connection, "commissioner_departures (commissioner_id, message_id, township, left_on)", departures.Count, async copy =>
                    {
                        var (commissioner, at, left) = departures[^1];
                        departures.RemoveAt(departures.Count - 1);
                        await copy.WriteAsync(commissioner, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(at, NpgsqlDbType.Text);
                        await copy.WriteAsync(left, NpgsqlDbType.Date);
                        return 1;
                    });
                    break;
                case "demonstration_base_certifications":
                    await CopyAsync(connection, "demonstration_base_certifications (base_id, message_id, township, industry, area_mu, certified_on)", rows, async copy =>
                    {
                        await Ids(copy);
                        await copy.WriteAsync(Township(), NpgsqlDbType.Text);
                        await copy.WriteAsync("水稻", NpgsqlDbType.Text);
                        await copy.WriteAsync(120.5m, NpgsqlDbType.Numeric);
                        await copy.WriteAsync(Date(), NpgsqlDbType.Date);
                        return 1;
                    });
                    break;
                case "demonstration_household_certifications":
                    await CopyAsync(connection, "demonstration_household_certifications (household_id, message_id, township, certified_on, households_reached, commissioner_id)", rows, async copy =>
                    {
                        await Ids(copy);
                        await copy.WriteAsync(Township(), NpgsqlDbType.Text);
                        await copy.WriteAsync(Date(), NpgsqlDbType.Date);
                        await copy.WriteAsync(5, NpgsqlDbType.Integer);
                        await copy.WriteNullAsync();
                        return 1;
                    });
                    break;
                case "patent_grants":
                    await CopyAsync(connection, "patent_grants (patent_id, message_id, type, township, granted_on)", rows, async copy =>
                    {
                        var (patent, at, granted) = (Guid.CreateVersion7(), Township(), Date());
                        var invention = random.Next(5) < 2;
                        await copy.WriteAsync(patent, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync(invention ? "Invention" : random.Next(2) == 0 ? "UtilityModel" : "Design", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(at, NpgsqlDbType.Text);
                        await copy.WriteAsync(granted, NpgsqlDbType.Date);
                        if (invention && random.Next(10) < 3)
                        {
                            lapses.Add((patent, at, granted, granted.AddDays(random.Next(365, 7300))));
                        }

                        return 1;
                    });
                    await CopyAsync(connection, "patent_lapses (patent_id, message_id, type, township, granted_on, lapsed_on)", lapses.Count, async copy =>
                    {
                        var (patent, at, granted, lapsed) = lapses[^1];
                        lapses.RemoveAt(lapses.Count - 1);
                        await copy.WriteAsync(patent, NpgsqlDbType.Uuid);
                        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await copy.WriteAsync("Invention", NpgsqlDbType.Varchar);
                        await copy.WriteAsync(at, NpgsqlDbType.Text);
                        await copy.WriteAsync(granted, NpgsqlDbType.Date);
                        await copy.WriteAsync(lapsed, NpgsqlDbType.Date);
                        return 1;
                    });
                    break;
            }
        }

        await using var analyze = new NpgsqlCommand($"ANALYZE {string.Join(", ", Shares.Select(s => s.Table).Concat(Dependent))}", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task Ids(NpgsqlBinaryImporter copy)
    {
        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
    }

    /// <summary>
    /// One binary COPY into <paramref name="into"/> (<c>table (columns)</c>) of at least <paramref name="rows"/> rows:
    /// <paramref name="write"/> writes a row (the row is started for it) or a group of rows and says how many.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string into, long rows, Func<NpgsqlBinaryImporter, Task<int>> write)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {into} FROM STDIN (FORMAT BINARY)");
        for (var written = 0L; written < rows;)
        {
            await copy.StartRowAsync();
            written += await write(copy);
        }

        await copy.CompleteAsync();
    }

    /// <summary>The median time of <paramref name="repeats"/> calls of <paramref name="path"/> after one warm-up call.</summary>
    private static async Task<double> MedianSecondsAsync(RunningPlatform platform, PlatformClient client, string path, int repeats)
    {
        await SendAsync(platform, client, path);
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            times.Add((await SendAsync(platform, client, path)).Seconds);
        }

        return Results.Median(times);
    }

    /// <summary>One call straight to Reporting with the gateway's proof: its time to the last byte, and the body.</summary>
    private static async Task<(double Seconds, byte[] Body)> SendAsync(RunningPlatform platform, PlatformClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Processes["reporting"].Url, path));
        foreach (var (name, value) in platform.ProofHeaders(client, path))
        {
            request.Headers.Add(name, value);
        }

        var clock = Stopwatch.StartNew();
        using var response = await platform.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return (clock.Elapsed.TotalSeconds, body);
    }
}
