namespace CountyTech.LocalServers;

/// <summary>
/// The machine's own PostgreSQL and RabbitMQ binaries (Debian packages), found once; a missing one is a single clear
/// message naming the packages to install.
/// </summary>
internal static class LocalBinaries
{
    public const string InstallCommand = "apt-get install -y postgresql rabbitmq-server";

    private const string PostgresRoot = "/usr/lib/postgresql";

    /// <summary>A PostgreSQL program (<c>postgres</c>, <c>initdb</c>) of the newest installed major version.</summary>
    public static string Postgres(string program)
    {
        var binDirectory = Directory.Exists(PostgresRoot)
            ? Directory.EnumerateDirectories(PostgresRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        return Require(binDirectory is null ? null : Path.Combine(binDirectory, program), $"PostgreSQL ({PostgresRoot}/*/bin/{program})");
    }

    public static string RabbitMqServer => Require("/usr/lib/rabbitmq/bin/rabbitmq-server", "RabbitMQ (/usr/lib/rabbitmq/bin/rabbitmq-server)");

    /// <summary>Erlang's port mapper, installed with RabbitMQ (package erlang-base).</summary>
    public static string Epmd => Require("/usr/bin/epmd", "Erlang's epmd (/usr/bin/epmd)");

    /// <summary>Runs a program under another user without a watching parent, so signals reach the program itself.</summary>
    public static string SetPriv => Require("/usr/bin/setpriv", "setpriv (/usr/bin/setpriv, package util-linux)");

    private static string Require(string? path, string what) =>
        path is not null && File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{what} is not installed and no container runtime answers. Install the servers once, as root: " +
                $"{InstallCommand} (CountyTech runs private instances of them; the system services stay stopped).");
}
