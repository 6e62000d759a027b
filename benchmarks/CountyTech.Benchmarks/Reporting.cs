using System.Diagnostics;
using Npgsql;

namespace CountyTech.Benchmarks;

/// <summary>What Reporting's database says about events it applied.</summary>
internal static class Reporting
{
    /// <summary>
    /// Each of <paramref name="messageIds"/> with the time Reporting logged and applied it, once all are applied or
    /// <paramref name="patience"/> has passed (then only those applied).
    /// </summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> WaitForAppliedAsync(string reportingDb, Guid[] messageIds, TimeSpan patience)
    {
        await using var connection = new NpgsqlConnection(reportingDb);
        await connection.OpenAsync();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var applied = new Dictionary<Guid, DateTimeOffset>(messageIds.Length);
            await using (var command = new NpgsqlCommand("SELECT message_id, received_at FROM event_log WHERE message_id = ANY(@ids)", connection))
            {
                command.Parameters.AddWithValue("ids", messageIds);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    applied[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                }
            }

            if (applied.Count == messageIds.Length || waited.Elapsed > patience)
            {
                return applied;
            }

            await Task.Delay(200);
        }
    }
}
