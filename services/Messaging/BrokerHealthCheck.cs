using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace CountyTech.Messaging;

/// <summary>
/// Readiness on the broker: unhealthy while RabbitMQ cannot be reached, whether or not the service consumes anything
/// (MassTransit's own bus check stays healthy on a publish-only bus whose broker is gone). Keeps one connection open
/// between probes and opens a new one only after it was lost.
/// </summary>
public sealed class BrokerHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _probing = new(1, 1);
    private IConnection? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _probing.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return HealthCheckResult.Healthy();
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }

            var factory = new ConnectionFactory
            {
                Uri = new Uri(connectionString),
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = ConnectTimeout,
            };
            _connection = await factory.CreateConnectionAsync("health", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The broker cannot be reached.", ex);
        }
        finally
        {
            _probing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
