using Xunit;

namespace CountyTech.Testing;

/// <summary>
/// PostgreSQL and RabbitMQ for a test collection, started once (in parallel) for all its tests:
/// <c>[Collection(InfrastructureCollection.Name)]</c> on the test class, <c>InfrastructureFixture</c> in its constructor.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private PostgresServer? postgres;
    private RabbitMqServer? rabbitMq;

    public PostgresServer Postgres => postgres ?? throw NotStarted();

    public RabbitMqServer RabbitMq => rabbitMq ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await Task.WhenAll(StartPostgresAsync(timeout.Token), StartRabbitMqAsync(timeout.Token));
    }

    /// <summary>Also called by xunit when <see cref="InitializeAsync"/> failed: stops whatever did start.</summary>
    public async Task DisposeAsync()
    {
        await Task.WhenAll(
            postgres?.DisposeAsync().AsTask() ?? Task.CompletedTask,
            rabbitMq?.DisposeAsync().AsTask() ?? Task.CompletedTask);
    }

    private async Task StartPostgresAsync(CancellationToken cancellationToken) =>
        postgres = await PostgresServer.StartAsync(cancellationToken);

    private async Task StartRabbitMqAsync(CancellationToken cancellationToken) =>
        rabbitMq = await RabbitMqServer.StartAsync(cancellationToken);

    private static InvalidOperationException NotStarted() =>
        new("The infrastructure is not started: use InfrastructureFixture as an xunit collection fixture.");
}
