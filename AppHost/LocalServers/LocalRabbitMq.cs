using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using RabbitMQ.Client;

namespace CountyTech.LocalServers;

/// <summary>
/// A private RabbitMQ node run from the machine's own binaries, isolated from the system one: its own directory
/// (HOME with the Erlang cookie, Mnesia data, logs, configuration), its own node name, and its own Erlang port mapper
/// (<c>epmd</c>, run in the foreground by whoever runs the node, on the port in <c>ERL_EPMD_PORT</c>), so stopping the
/// node and its epmd leaves nothing behind. The caller sets the three ports in the environment.
/// </summary>
internal static class LocalRabbitMq
{
    public const string Host = "127.0.0.1";
    public const string UserName = "countytech";
    public const string NodePortVariable = "RABBITMQ_NODE_PORT";

    /// <summary>Erlang distribution port: always set, the default (node port + 20000) can pass 65535 or collide.</summary>
    public const string DistributionPortVariable = "RABBITMQ_DIST_PORT";

    public const string EpmdPortVariable = "ERL_EPMD_PORT";

    public static LocalCommandLine Server => new(LocalBinaries.RabbitMqServer, []);

    /// <summary>epmd in the foreground, listening on <c>ERL_EPMD_PORT</c> of 127.0.0.1 only.</summary>
    public static LocalCommandLine Epmd => new(LocalBinaries.Epmd, ["-address", Host]);

    /// <summary>A real epmd request (NAMES_REQ): epmd answers with its own port number, then the nodes it knows.</summary>
    public static async Task ProbeEpmdAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Host, port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[] { 0, 1, (byte)'n' }, cancellationToken);
        await stream.ReadExactlyAsync(new byte[4], cancellationToken);
    }

    /// <summary>Readiness: a real AMQP connection (2 s at most) to the node of <paramref name="connectionString"/>; throws while the node refuses it.</summary>
    public static async Task ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(connectionString),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            AutomaticRecoveryEnabled = false,
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
    }

    public static string Password(string directory) => LocalSecret.ReadOrCreate(Path.Combine(directory, "password"));

    /// <summary>Writes the node's configuration: the application user, no plugins. The user is created at the first boot.</summary>
    public static void Prepare(string directory)
    {
        Directory.CreateDirectory(Path.Combine(directory, "home"));
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(directory, "rabbitmq.conf"),
            $"""
            default_user = {UserName}
            default_pass = {Password(directory)}
            """);
    }

    /// <summary>Everything but the ports. The node name is stable for a directory (its Mnesia data is tied to it).</summary>
    public static IReadOnlyDictionary<string, string> Environment(string directory) => new Dictionary<string, string>
    {
        ["HOME"] = Path.Combine(directory, "home"),
        ["RABBITMQ_NODENAME"] = NodeName(directory),
        ["RABBITMQ_NODE_IP_ADDRESS"] = Host,
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "advanced.config"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
    };

    private static string NodeName(string directory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory)));
        return $"countytech-{Convert.ToHexStringLower(hash)[..12]}@localhost";
    }
}
