using Testcontainers.RabbitMq;

namespace CountyTech.Testing;

/// <summary>
/// A real RabbitMQ broker for integration tests: a Testcontainers container where Docker answers, otherwise a private
/// node run from the machine's own binaries. It can be stopped and started again on the same port (broker-restart tests):
/// <c>await server.StopAsync(ct); … await server.StartAsync(ct);</c>.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const int AmqpPort = 5672;

    private readonly IServerInstance instance;

    private RabbitMqServer(IServerInstance instance, string connectionString)
    {
        this.instance = instance;
        ConnectionString = connectionString;
    }

    /// <summary><c>amqp://user:password@127.0.0.1:port/</c></summary>
    public string ConnectionString { get; }

    public static async Task<RabbitMqServer> StartAsync(CancellationToken cancellationToken)
    {
        if (DockerEngine.Answers)
        {
            // A fixed host port, so the broker comes back on the same port after a restart.
            var container = new RabbitMqBuilder("rabbitmq:3.10").WithPortBinding(FreePorts.Take(1)[0], AmqpPort).Build();
            var started = await ContainerInstance.StartAsync(container, cancellationToken);
            return new RabbitMqServer(started, container.GetConnectionString());
        }

        var local = await LocalRabbitMqProcess.StartNewAsync(cancellationToken);
        return new RabbitMqServer(local, local.ConnectionString);
    }

    /// <summary>Stops the broker; clients see it go down. <see cref="RabbitMqServerRestart.StartAsync"/> brings it back.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => instance.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => instance.DisposeAsync();

    internal Task RestartAsync(CancellationToken cancellationToken) => instance.StartAsync(cancellationToken);
}
