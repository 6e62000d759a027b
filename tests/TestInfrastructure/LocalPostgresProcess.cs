using System.Globalization;
using CountyTech.LocalServers;
using Npgsql;

namespace CountyTech.Testing;

/// <summary>A private PostgreSQL for one test run: a throwaway cluster (no fsync) in a temp directory, on a free port.</summary>
internal sealed class LocalPostgresProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("countytech-postgres-");
    private ServerProcess? server;

    private LocalPostgresProcess()
    {
    }

    public string ConnectionString { get; private set; } = "";

    public static async Task<LocalPostgresProcess> StartAsync(CancellationToken cancellationToken)
    {
        var instance = new LocalPostgresProcess();
        try
        {
            await instance.RunAsync(cancellationToken);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        directory.Delete(recursive: true);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await LocalPostgres.InitializeAsync(directory.FullName, cancellationToken);
        var port = FreePorts.Take(1)[0];
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = LocalPostgres.Host,
            Port = port,
            Username = LocalPostgres.UserName,
            Password = LocalPostgres.Password(directory.FullName),
            Database = "postgres",
        }.ConnectionString;

        server = ServerProcess.Start(
            "PostgreSQL",
            LocalPostgres.Server(directory.FullName, durable: false),
            new Dictionary<string, string> { [LocalPostgres.PortVariable] = port.ToString(CultureInfo.InvariantCulture) });
        await server.WaitUntilReadyAsync(ct => LocalPostgres.ProbeAsync(ConnectionString, ct), ReadyDeadline, cancellationToken);
    }
}
