using System.Net;
using System.Net.Http.Json;
using CountyTech.Testing;
using Npgsql;

namespace CountyTech.Platform.Tests;

/// <summary>Projects as the trust-boundary tests need them: one submitted, its row held up, its approvals counted.</summary>
public static class ProjectSteps
{
    public static async Task<Guid> SubmitAsync(HttpClient writer, string township)
    {
        var project = await writer.PostAsJsonAsync("/api/v1/projects", new
        {
            title = "稻鱼共生示范",
            level = "county",
            field = "agriculture",
            leadOrganization = "县水产站",
            township,
            plannedStart = "2025-01-01",
            plannedEnd = "2026-06-30",
            budgetWan = 40,
        }).JsonAsync(HttpStatusCode.Created);
        return project.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A transaction of the test's own on projects-db holding the project's row, so that a change to it waits at the
    /// service (a delayed service) until the transaction ends. Dispose to release.
    /// </summary>
    public static async Task<NpgsqlConnection> HoldRowAsync(PlatformFixture platform, Guid project)
    {
        var connection = new NpgsqlConnection(await platform.ConnectionStringAsync("projects-db"));
        await connection.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; SELECT 1 FROM project WHERE id = @id FOR UPDATE", connection))
        {
            begin.Parameters.AddWithValue("id", project);
            await begin.ExecuteNonQueryAsync();
        }

        return connection;
    }

    /// <summary>Waits until some request of the Projects service waits for a lock.</summary>
    public static Task WaitUntilHeldUpAsync(PlatformFixture platform) =>
        Eventually.UntilAsync(async () => await ScalarAsync(platform,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", null) >= 1,
            "the service to wait for the held row");

    /// <summary>How many approvals of the project the service committed (its outbox keeps one event each).</summary>
    public static Task<long> ApprovalsAsync(PlatformFixture platform, Guid project) => ScalarAsync(platform,
        "SELECT count(*) FROM outbox_message WHERE message_type LIKE '%ProjectApproved%' AND payload->>'projectId' = @id", project.ToString());

    private static async Task<long> ScalarAsync(PlatformFixture platform, string sql, string? id)
    {
        await using var connection = new NpgsqlConnection(await platform.ConnectionStringAsync("projects-db"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
