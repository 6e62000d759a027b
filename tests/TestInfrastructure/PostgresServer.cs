using System.Collections.Concurrent;
using CountyTech.LocalServers;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CountyTech.Testing;

/// <summary>
/// A real PostgreSQL server for integration tests: a Testcontainers container where Docker answers, otherwise a private
/// server run from the machine's own binaries. Each test class picks its own database names.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly IAsyncDisposable instance;
    private readonly string serverConnectionString;
    private readonly ConcurrentDictionary<string, Lazy<string>> databases = new();

    private PostgresServer(IAsyncDisposable instance, string serverConnectionString)
    {
        this.instance = instance;
        this.serverConnectionString = serverConnectionString;
    }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        if (DockerEngine.Answers)
        {
            var container = new PostgreSqlBuilder("postgres:15").Build();
            var started = await ContainerInstance.StartAsync(container, cancellationToken);
            return new PostgresServer(started, container.GetConnectionString());
        }

        var local = await LocalPostgresProcess.StartAsync(cancellationToken);
        return new PostgresServer(local, local.ConnectionString);
    }

    /// <summary>The connection string of <paramref name="database"/>, created on the server the first time it is asked for.</summary>
    public string ConnectionString(string database) =>
        databases.GetOrAdd(database, name => new Lazy<string>(() => CreateDatabase(name))).Value;

    public ValueTask DisposeAsync() => instance.DisposeAsync();

    private string CreateDatabase(string database)
    {
        // Off the caller's synchronization context (xunit's), so blocking on the creation cannot deadlock.
        Task.Run(() => PostgresDatabase.CreateIfMissingAsync(serverConnectionString, database, CancellationToken.None))
            .GetAwaiter().GetResult();
        // Every test starts services on fresh databases; their idle pooled connections are closed within seconds
        // instead of five minutes, so a whole test project stays far below the server's max_connections.
        return new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = database,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }
}
