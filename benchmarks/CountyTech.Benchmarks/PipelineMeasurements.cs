using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CountyTech.Contracts.Projects;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace CountyTech.Benchmarks;

/// <summary>
/// Issue 7 goal 1, part by part, each against the fastest a client library can do on the same server in the same run:
/// the outbox relay of Projects against raw <c>RabbitMQ.Client</c> persistent publishes with publisher confirms, and
/// Reporting's consumer against Npgsql binary <c>COPY</c> of the same rows.
/// </summary>
internal static class PipelineMeasurements
{
    private const int PublishBatch = 100;

    /// <summary>Unacknowledged deliveries at a time, as each of Reporting's queues (<c>ReportedEvent</c>).</summary>
    private const ushort ConsumerPrefetch = 100;
    private static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    public static async Task RelayAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var events = Submissions(settings.RelayMessages);
        var raw = await RawPublishRateAsync(platform.Broker, events);
        var massTransit = await MassTransitSendRateAsync(platform.Broker, events);
        results.Add(new ResultRow($"the publisher's ceiling: MassTransit alone sending the same {events.Count} events to a queue " +
            $"({PublishBatch} awaited together, no database) / raw RabbitMQ.Client",
            $"{Results.Number(massTransit, "0")} msg/s", $"{Results.Number(raw, "0")} msg/s", massTransit / raw, "", null));

        // Raw publishing of as many other submissions to the exchange the relay publishes to, so that they reach the
        // same queue and Reporting consumes them while they are published, as it consumes the relay's.
        var rawToConsumers = await RawPublishToConsumersRateAsync(platform, settings, Submissions(settings.RelayMessages));
        results.Add(new ResultRow($"raw RabbitMQ.Client publishing {events.Count} other events to the relay's own exchange (Reporting " +
            "consuming them meanwhile) / to a queue nobody consumes",
            $"{Results.Number(rawToConsumers, "0")} msg/s", $"{Results.Number(raw, "0")} msg/s", rawToConsumers / raw, "", null));

        // The same events as pending outbox rows of Projects, written in one COPY; the relay publishes them.
        var ids = MessageIds(events);
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

        // Rows written by COPY wake no relay (a service's own commits do): it finds them at its next look, up to
        // Outbox:IdleDelay later. So the rate is taken between its first and its last mark, as the apply's between its
        // first and last entry: the rows marked after the first mark over the time from it to the last (flattering the
        // relay by at most the batch its second worker may already have under way at the first mark).
        while (true)
        {
            await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox_message WHERE id = ANY(@ids) AND sent_at IS NULL", projects);
            pending.Parameters.AddWithValue("ids", ids);
            if ((long)(await pending.ExecuteScalarAsync())! == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        double relay;
        await using (var marks = new NpgsqlCommand(
            "WITH sent AS (SELECT sent_at FROM outbox_message WHERE id = ANY(@ids)) " +
            "SELECT extract(epoch FROM max(sent_at) - min(sent_at))::float8, count(*) FILTER (WHERE sent_at > (SELECT min(sent_at) FROM sent)) FROM sent",
            projects))
        {
            marks.Parameters.AddWithValue("ids", ids);
            await using var reader = await marks.ExecuteReaderAsync();
            await reader.ReadAsync();
            relay = reader.GetInt64(1) / reader.GetDouble(0);
        }

        results.Add(new ResultRow($"outbox relay of Projects, from its first to its last mark / raw RabbitMQ.Client to the same exchange, " +
            $"consumed the same way (persistent, confirms, {PublishBatch} in flight), {events.Count} events",
            $"{Results.Number(relay, "0")} msg/s", $"{Results.Number(rawToConsumers, "0")} msg/s", relay / rawToConsumers, "≥ 0.5", relay / rawToConsumers >= 0.5));
        results.Add(new ResultRow("outbox relay of Projects / raw RabbitMQ.Client to a queue nobody consumes",
            $"{Results.Number(relay, "0")} msg/s", $"{Results.Number(raw, "0")} msg/s", relay / raw, "", null));

        // Reporting applies them before the next measurement starts.
        await Reporting.WaitForAppliedAsync(platform.ReportingDb, ids, TimeSpan.FromSeconds(settings.Smoke ? 60 : 600));
    }

    public static async Task ApplyAsync(RunningPlatform platform, Settings settings, Results results)
    {
        var events = Submissions(settings.ApplyMessages);
        var ids = MessageIds(events);

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

        // What a consumer that acknowledges each message alone, as MassTransit does, could reach behind this broker: the
        // same messages only received and acknowledged.
        var receiveRate = await RawReceiveRateAsync(platform.Broker, events);
        results.Add(new ResultRow($"the broker's ceiling: raw RabbitMQ.Client receiving the same {events.Count} messages and acknowledging each " +
            $"({ConsumerPrefetch} unacknowledged, as Reporting's queues) / binary COPY",
            $"{Results.Number(receiveRate, "0")} msg/s", $"{Results.Number(copyRate, "0")} events/s", receiveRate / copyRate, "", null));
        results.Add(new ResultRow("Reporting applying / that raw receiving",
            $"{Results.Number(applyRate, "0")} events/s", $"{Results.Number(receiveRate, "0")} msg/s", applyRate / receiveRate, "", null));
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
    private static Task<double> RawPublishRateAsync(string broker, IReadOnlyList<ProjectSubmitted> events) =>
        InPrivateQueueAsync(broker, async (channel, queue) =>
        {
            var clock = Stopwatch.StartNew();
            await PublishAsync(channel, string.Empty, queue, Envelopes(events, MessageIds(events)));
            return events.Count / clock.Elapsed.TotalSeconds;
        });

    /// <summary>
    /// Raw persistent publishes of <paramref name="events"/> to the exchange MassTransit gives <see cref="ProjectSubmitted"/>
    /// (the relay's destination), <see cref="PublishBatch"/> awaiting their confirms together; messages per second from the
    /// first publish to the last confirm. Returns once Reporting has applied them, so that the relay is measured on a
    /// drained queue.
    /// </summary>
    private static async Task<double> RawPublishToConsumersRateAsync(RunningPlatform platform, Settings settings, IReadOnlyList<ProjectSubmitted> events)
    {
        var ids = MessageIds(events);
        var rate = await OnConfirmingChannelAsync(platform.Broker, async channel =>
        {
            var exchange = MessageUrn.ForType<ProjectSubmitted>().ToString()["urn:message:".Length..];
            await channel.ExchangeDeclarePassiveAsync(exchange);
            var clock = Stopwatch.StartNew();
            await PublishAsync(channel, exchange, string.Empty, Envelopes(events, ids));
            return events.Count / clock.Elapsed.TotalSeconds;
        });

        await Reporting.WaitForAppliedAsync(platform.ReportingDb, ids, TimeSpan.FromSeconds(settings.Smoke ? 60 : 600));
        return rate;
    }

    /// <summary>Runs <paramref name="measure"/> on a channel with publisher confirms and a durable queue of its own, deleted after.</summary>
    private static Task<double> InPrivateQueueAsync(string broker, Func<IChannel, string, Task<double>> measure) =>
        OnConfirmingChannelAsync(broker, async channel =>
        {
            var queue = "countytech-benchmark-raw-" + Guid.NewGuid().ToString("N")[..8];
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
            try
            {
                return await measure(channel, queue);
            }
            finally
            {
                await channel.QueueDeleteAsync(queue);
            }
        });

    /// <summary>Runs <paramref name="use"/> on a channel of a connection of its own to <paramref name="broker"/>, with publisher confirms.</summary>
    private static async Task<double> OnConfirmingChannelAsync(string broker, Func<IChannel, Task<double>> use)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return await use(channel);
    }

    /// <summary>
    /// <paramref name="events"/> sent with MassTransit (its envelope, serialiser and publisher confirms, as the relay
    /// publishes) to a queue of their own that nobody consumes, <see cref="PublishBatch"/> awaited together: what a relay
    /// that publishes with MassTransit could reach without a database.
    /// </summary>
    private static async Task<double> MassTransitSendRateAsync(string broker, IReadOnlyList<ProjectSubmitted> events)
    {
        var queue = "countytech-benchmark-masstransit-" + Guid.NewGuid().ToString("N")[..8];
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(broker)));
        await bus.StartAsync();
        try
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{queue}"));
            await endpoint.Send(events[0]);
            var clock = Stopwatch.StartNew();
            foreach (var chunk in events.Skip(1).Chunk(PublishBatch))
            {
                await Task.WhenAll(chunk.Select(e => endpoint.Send(e)));
            }

            return (events.Count - 1) / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync();
            var factory = new ConnectionFactory { Uri = new Uri(broker) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(queue);
            await channel.ExchangeDeleteAsync(queue);
        }
    }

    /// <summary>
    /// Raw receiving of <paramref name="events"/> (MassTransit's envelope size) from a durable queue they were published
    /// to first, <see cref="ConsumerPrefetch"/> unacknowledged at a time and each acknowledged alone, as MassTransit does:
    /// messages per second from the first delivery to the last acknowledgement.
    /// </summary>
    private static Task<double> RawReceiveRateAsync(string broker, IReadOnlyList<ProjectSubmitted> events) =>
        InPrivateQueueAsync(broker, async (channel, queue) =>
        {
            await PublishAsync(channel, string.Empty, queue, Envelopes(events, MessageIds(events)));
            await channel.BasicQosAsync(0, ConsumerPrefetch, global: false);
            var received = 0;
            var first = new Stopwatch();
            var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                first.Start();
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (++received == events.Count)
                {
                    first.Stop();
                    all.TrySetResult();
                }
            };
            await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
            await all.Task.WaitAsync(TimeSpan.FromMinutes(5));
            return events.Count / first.Elapsed.TotalSeconds;
        });

    /// <summary>Persistent publishes to <paramref name="exchange"/> (the default one: the queue named <paramref name="routingKey"/>), <see cref="PublishBatch"/> awaiting their confirms together.</summary>
    private static async Task PublishAsync(IChannel channel, string exchange, string routingKey, IEnumerable<byte[]> bodies)
    {
        foreach (var chunk in bodies.Chunk(PublishBatch))
        {
            await Task.WhenAll(chunk.Select(body => channel.BasicPublishAsync(exchange, routingKey, mandatory: false,
                new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" }, body).AsTask()));
        }
    }

    /// <summary>A new message id for each of <paramref name="events"/>.</summary>
    private static Guid[] MessageIds(IReadOnlyCollection<ProjectSubmitted> events) => [.. events.Select(_ => Guid.CreateVersion7())];

    /// <summary>Each event in an envelope of MassTransit's shape with its message id, as the bytes sent.</summary>
    private static byte[][] Envelopes(IReadOnlyList<ProjectSubmitted> events, IReadOnlyList<Guid> ids) =>
    [
        .. events.Zip(ids, (e, id) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            messageId = id,
            messageType = new[] { "urn:message:CountyTech.Contracts.Projects:ProjectSubmitted" },
            message = e,
            sentTime = DateTime.UtcNow,
            headers = new { },
            host = new { machineName = Environment.MachineName, processName = "CountyTech.Benchmarks" },
        }, Json))),
    ];

    private static List<ProjectSubmitted> Submissions(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new ProjectSubmitted(
            Guid.CreateVersion7(), $"基准测试项目 {i}", ProjectLevel.County, ProjectField.Agriculture, "县茶叶产业发展中心", null,
            "城关镇", new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), 12.5m, new DateOnly(2025, 1, 1))),
    ];
}
