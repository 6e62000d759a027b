using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CountyTech.Messaging;

/// <summary>
/// Reads how many messages wait in the <c>_error</c> queue of each of this service's receive endpoints (the
/// deliveries that failed every retry) with a passive queue declare every <see cref="Interval"/>, for the gauge
/// <c>countytech.messaging.error_queue_depth</c>. An error queue not created yet (MassTransit creates it on the
/// first fault) counts 0. A service without consumers never connects.
/// </summary>
public sealed class ErrorQueueMonitor(string connectionString, TimeProvider clock, ILogger<ErrorQueueMonitor> logger)
    : BackgroundService, IReceiveEndpointObserver
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, bool> _queues = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _reading = new(1, 1);
    private IConnection? _connection;

    /// <summary>Reads the depth of every known error queue now, records it and returns it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadDepthsAsync(CancellationToken cancellationToken)
    {
        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        if (_queues.IsEmpty)
        {
            return depths;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            await ReadAsync(depths, cancellationToken);
        }
        finally
        {
            _reading.Release();
        }

        return depths;
    }

    private async Task ReadAsync(Dictionary<string, long> depths, CancellationToken cancellationToken)
    {
        if (_connection is not { IsOpen: true })
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            _connection = await new ConnectionFactory { Uri = new Uri(connectionString) }
                .CreateConnectionAsync("error-queue-monitor", cancellationToken);
        }

        foreach (var errorQueue in _queues.Keys.Order(StringComparer.Ordinal))
        {
            // A passive declare of a missing queue closes its channel: one channel per queue.
            await using var channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                depths[errorQueue] = (await channel.QueueDeclarePassiveAsync(errorQueue, cancellationToken)).MessageCount;
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == Constants.NotFound)
            {
                depths[errorQueue] = 0;
            }

            MessagingMetrics.RecordErrorQueueDepth(errorQueue, depths[errorQueue]);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadDepthsAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker being down is what the bus's health check reports; the gauge keeps its last reading.
                logger.LogDebug(ex, "Could not read the error queues' depth");
            }

            await Task.Delay(Interval, clock, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        // The bus's own temporary endpoint (responses) has no error queue.
        if (!ready.InputAddress.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase))
        {
            _queues.TryAdd(ready.InputAddress.Segments[^1] + "_error", true);
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
