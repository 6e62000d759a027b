using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CountyTech.Contracts.Projects;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 1, part by part, each against the fastest a client library can do on the same server in the same run:
/// the outbox relay of Projects against raw <c>RabbitMQ.Client</c> persistent publishes with publisher confirms, and
/// Reporting's consumer against Npgsql binary <c>COPY</c> of the same rows.
/// </summary>
internal static class PipelineMeasurements
{
    private const int PublishBatch = 100;
    private static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    public static async Task RelayAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var events = Submissions(settings.RelayMessages);
        var raw = await RawPublishRateAsync(platform.Broker, events);

        // The same events as pending outbox rows of Projects, written in one COPY; the relay publishes them.
        var ids = events.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var projects = new NpgsqlConnection(platform.ProjectsDb);
        await projects.OpenAsync();
        await using (var type = new NpgsqlCommand($"SELECT message_type FROM outbox_message WHERE message_type LIKE '{WriteLoad.SubmittedType},%' LIMIT 1", projects))
        {
            var messageType = (string)(await type.ExecuteScalarAsync())!;
            var now = DateTimeOffset.UtcNow;
            await using var copy = await projects.BeginBinaryImportAsync(
                "COPY outbox_message (id, message_type, payload, created_at, attempts, next_attempt_at) FROM STDIN (FORMAT BINARY)");
            for (var i = 0; i < events.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await copy.WriteAsync(messageType, NpgsqlDbType.Varchar);
                await copy.WriteAsync(JsonSerializer.Serialize(events[i], Json), NpgsqlDbType.Jsonb);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(0, NpgsqlDbType.Integer);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        var written = DateTimeOffset.UtcNow;
        DateTimeOffset lastSent;
        while (true)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE sent_at IS NULL), max(sent_at) FROM outbox_message WHERE id = ANY(@ids)", projects);
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.GetInt64(0) == 0)
            {
                lastSent = reader.GetFieldValue<DateTimeOffset>(1);
                break;
            }

            await reader.DisposeAsync();
            await Task.Delay(100);
        }

        var relay = events.Count / (lastSent - written).TotalSeconds;
        results.Add(new ResultRow($"outbox relay of Projects / raw RabbitMQ.Client (persistent, confirms, {PublishBatch} in flight), {events.Count} events",
            $"{Results.Number(relay, "0")} msg/s", $"{Results.Number(raw, "0")} msg/s", relay / raw, "≥ 0.5", relay / raw >= 0.5));

        // Reporting applies them before the next measurement starts.
        await Reporting.WaitForAppliedAsync(platform.ReportingDb, ids, TimeSpan.FromSeconds(settings.Smoke ? 60 : 600));
    }

    public static async Task ApplyAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var events = Submissions(settings.ApplyMessages);
        var ids = events.Select(_ => Guid.CreateVersion7()).ToArray();

        // Published far faster than they are consumed, so the consumer works flat out from the first to the last.
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(platform.Broker)));
        await bus.StartAsync();
        try
        {
            foreach (var chunk in Enumerable.Range(0, events.Count).Chunk(500))
            {
                await Task.WhenAll(chunk.Select(i => bus.Publish(events[i], context => context.MessageId = ids[i])));
            }
        }
        finally
        {
            await bus.StopAsync();
        }

        var applied = await Reporting.WaitForAppliedAsync(platform.ReportingDb, ids, TimeSpan.FromSeconds(settings.Smoke ? 60 : 600));
        if (applied.Count < ids.Length)
        {
            results.Note($"Reporting applied {applied.Count} of {ids.Length} published events within the time allowed.");
        }

        var span = (applied.Values.Max() - applied.Values.Min()).TotalSeconds;
        var applyRate = (applied.Count - 1) / span;
        var copyRate = ids.Length / await CopySameRowsAsync(platform.ReportingDb, ids);
        results.Add(new ResultRow($"Reporting applying ProjectSubmitted (inbox + event log + fact) / binary COPY of the same rows, {ids.Length} events",
            $"{Results.Number(applyRate, "0")} events/s", $"{Results.Number(copyRate, "0")} events/s", applyRate / copyRate, "≥ 0.5",
            applyRate / copyRate >= 0.5));
    }

    /// <summary>Seconds to write the inbox, event-log and fact rows of <paramref name="ids"/> again with binary COPY into copies of their tables.</summary>
    private static async Task<double> CopySameRowsAsync(string reportingDb, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(reportingDb);
        await connection.OpenAsync();
        string[] tables = ["inbox_message", "event_log", "project_submissions"];
        var rows = new Dictionary<string, (string[] Columns, string[] Types, List<object[]> Values)>();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT * FROM {table} WHERE message_id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync();
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var types = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetPostgresType(i).Name).ToArray();
            var values = new List<object[]>();
            while (await reader.ReadAsync())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                values.Add(row);
            }

            rows[table] = (columns, types, values);
            await reader.DisposeAsync();
            await using var create = new NpgsqlCommand($"CREATE TEMP TABLE copy_{table} (LIKE {table} INCLUDING ALL)", connection);
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var (table, (columns, types, values)) in rows)
            {
                await using var copy = await connection.BeginBinaryImportAsync(
                    $"COPY copy_{table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
                foreach (var row in values)
                {
                    await copy.StartRowAsync();
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is DBNull)
                        {
                            await copy.WriteNullAsync();
                        }
                        else
                        {
                            await copy.WriteAsync(row[i], types[i]);
                        }
                    }
                }

                await copy.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Raw publishes of <paramref name="events"/> (MassTransit's envelope size), <see cref="PublishBatch"/> awaiting their confirms together.</summary>
    private static async Task<double> RawPublishRateAsync(string broker, IReadOnlyList<ProjectSubmitted> events)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = "countytech-benchmark-raw-" + Guid.NewGuid().ToString("N")[..8];
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        try
        {
            var bodies = events.Select(e => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                messageId = Guid.CreateVersion7(),
                messageType = new[] { "urn:message:CountyTech.Contracts.Projects:ProjectSubmitted" },
                message = e,
                sentTime = DateTime.UtcNow,
                headers = new { },
                host = new { machineName = Environment.MachineName, processName = "CountyTech.Benchmarks" },
            }, Json))).ToArray();
            var clock = Stopwatch.StartNew();
            foreach (var chunk in bodies.Chunk(PublishBatch))
            {
                await Task.WhenAll(chunk.Select(body => channel.BasicPublishAsync(string.Empty, queue, mandatory: false,
                    new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" }, body).AsTask()));
            }

            return bodies.Length / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await channel.QueueDeleteAsync(queue);
        }
    }

    private static List<ProjectSubmitted> Submissions(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new ProjectSubmitted(
            Guid.CreateVersion7(), $"基准测试项目 {i}", ProjectLevel.County, ProjectField.Agriculture, "县茶叶产业发展中心", null,
            "城关镇", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), 12.5m, new DateOnly(2025, 1, 1))),
    ];
}
