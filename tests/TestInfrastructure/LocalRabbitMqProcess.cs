using System.Globalization;
using CountyTech.LocalServers;

namespace CountyTech.Testing;

/// <summary>
/// A private RabbitMQ node for one test run, in a temp directory, with its own epmd; it can be stopped and started
/// again on the same ports with its data (durable queues survive, as with a real broker restart).
/// </summary>
internal sealed class LocalRabbitMqProcess : IServerInstance
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(90);

    private readonly LocalCommandLine server;
    private readonly DirectoryInfo directory;
    private readonly Dictionary<string, string> environment;
    private readonly int epmdPort;
    private readonly ServerProcess epmd;
    private ServerProcess? node;

    /// <remarks>Takes the commands first, so a missing binary throws before anything is created.</remarks>
    private LocalRabbitMqProcess(LocalCommandLine server, LocalCommandLine epmdCommand)
    {
        this.server = server;
        directory = Directory.CreateTempSubdirectory("countytech-rabbitmq-");
        LocalRabbitMq.Prepare(directory.FullName);
        var ports = FreePorts.Take(3);
        environment = new Dictionary<string, string>(LocalRabbitMq.Environment(directory.FullName))
        {
            [LocalRabbitMq.NodePortVariable] = Text(ports[0]),
            [LocalRabbitMq.DistributionPortVariable] = Text(ports[1]),
            [LocalRabbitMq.EpmdPortVariable] = Text(ports[2]),
        };
        ConnectionString = new UriBuilder("amqp", LocalRabbitMq.Host, ports[0])
        {
            UserName = LocalRabbitMq.UserName,
            Password = LocalRabbitMq.Password(directory.FullName),
        }.Uri.ToString();
        epmdPort = ports[2];
        epmd = ServerProcess.Start("epmd", epmdCommand, environment);
    }

    /// <summary><c>amqp://user:password@127.0.0.1:port/</c></summary>
    public string ConnectionString { get; }

    public static async Task<LocalRabbitMqProcess> StartNewAsync(CancellationToken cancellationToken)
    {
        var instance = new LocalRabbitMqProcess(LocalRabbitMq.Server, LocalRabbitMq.Epmd);
        try
        {
            // Ours must be listening first, or the node would start a daemon of its own on that port.
            await instance.epmd.WaitUntilReadyAsync(
                ct => LocalRabbitMq.ProbeEpmdAsync(instance.epmdPort, ct), ReadyDeadline, cancellationToken);
            await instance.StartAsync(cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (node is not null)
        {
            throw new InvalidOperationException("The RabbitMQ node is already running; stop it first.");
        }

        node = ServerProcess.Start("RabbitMQ", server, environment);
        await node.WaitUntilReadyAsync(ct => LocalRabbitMq.ProbeAsync(ConnectionString, ct), ReadyDeadline, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (node is not null)
        {
            await node.StopAsync(cancellationToken);
            await node.DisposeAsync();
            node = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (node is not null)
        {
            await node.DisposeAsync();
        }

        await epmd.DisposeAsync();
        directory.Delete(recursive: true);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
