using Npgsql;

namespace CountyTech.LocalServers;

/// <summary>
/// A private PostgreSQL server run from the machine's own binaries. Its directory holds the cluster (<c>data/</c>) and the
/// generated superuser password (<c>password</c>); it listens on 127.0.0.1 only, on the port given in <c>PGPORT</c>,
/// with no Unix socket (so it never meets the system cluster's socket or lock files).
/// PostgreSQL refuses to run as root: as root, initdb and the server run as user <c>postgres</c> through <c>setpriv</c>,
/// which execs the program itself (unlike <c>runuser</c>, whose watching parent kills the server two seconds after a
/// SIGTERM).
/// </summary>
internal static class LocalPostgres
{
    public const string Host = "127.0.0.1";
    public const string UserName = "postgres";
    public const string PortVariable = "PGPORT";

    private const string ServerUser = "postgres";

    private const string FastShutdownOnTerminate =
        """trap 'kill -INT $server' TERM INT; "$@" & server=$!; wait $server; trap - TERM INT; wait $server""";

    public static string Password(string directory) => LocalSecret.ReadOrCreate(Path.Combine(directory, "password"));

    /// <summary>
    /// Readiness: a real client connection (2 s at most) to the server and database of <paramref name="connectionString"/>;
    /// throws while the server does not accept it. Unpooled: an idle pooled connection would hold up the server's shutdown
    /// (SIGTERM waits for clients).
    /// </summary>
    public static async Task ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 2 };
        await using var connection = new NpgsqlConnection(probe.ConnectionString);
        await connection.OpenAsync(cancellationToken);
    }

    /// <summary>Creates the cluster unless the directory already holds one (initdb, about a second).</summary>
    public static async Task InitializeAsync(string directory, CancellationToken cancellationToken)
    {
        var data = DataDirectory(directory);
        if (File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            return;
        }

        Password(directory);
        if (Directory.Exists(data))
        {
            // An interrupted initdb leaves a directory without PG_VERSION: not a cluster yet, start over.
            Directory.Delete(data, recursive: true);
        }

        if (Environment.IsPrivilegedProcess)
        {
            EnsureReachableByServerUser(directory);
            await new LocalCommandLine("chown", ["-R", $"{ServerUser}:", directory]).RunAsync(cancellationToken);
        }

        await AsServerUser(LocalBinaries.Postgres("initdb"),
            [
                "-D", data, "-U", UserName, "--auth=scram-sha-256", $"--pwfile={Path.Combine(directory, "password")}",
                "-E", "UTF8", "--no-locale", "--no-sync",
            ]).RunAsync(cancellationToken);
    }

    /// <summary>
    /// The server in the foreground, behind a shell that turns SIGTERM (what orchestrators send) into SIGINT, PostgreSQL's
    /// fast shutdown: on SIGTERM alone it waits for every client to disconnect, and gets killed first.
    /// Not durable = no fsync: for throwaway test data.
    /// </summary>
    public static LocalCommandLine Server(string directory, bool durable)
    {
        List<string> arguments =
        [
            "-D", DataDirectory(directory),
            "-c", $"listen_addresses={Host}",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
        ];
        if (!durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var server = AsServerUser(LocalBinaries.Postgres("postgres"), arguments);
        return new("/bin/sh", ["-c", FastShutdownOnTerminate, "postgres", server.FileName, .. server.Arguments]);
    }

    private static string DataDirectory(string directory) => Path.Combine(directory, "data");

    /// <summary>The server user owns the directory but must also pass through every directory above it.</summary>
    private static void EnsureReachableByServerUser(string directory)
    {
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(directory)); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(parent).HasFlag(UnixFileMode.OtherExecute))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL runs as user {ServerUser} and cannot reach {directory}: {parent} is closed to other users. " +
                    $"Choose a directory whose parents are all searchable (a new directory under {Path.GetTempPath()} is), or run chmod o+x {parent}.");
            }
        }
    }

    private static LocalCommandLine AsServerUser(string program, IReadOnlyList<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? new(LocalBinaries.SetPriv, [$"--reuid={ServerUser}", $"--regid={ServerUser}", "--init-groups", "--", program, .. arguments])
            : new(program, arguments);
}
