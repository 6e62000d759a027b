using Npgsql;

namespace CountyTech.LocalServers;

/// <summary>Creates a service's database on a server unless it exists (what Aspire does for its Postgres containers).</summary>
internal static class PostgresDatabase
{
    /// <param name="serverConnectionString">Any connection string of the server; its database is ignored.</param>
    public static async Task CreateIfMissingAsync(string serverConnectionString, string database, CancellationToken cancellationToken)
    {
        // Unpooled: a one-off connection, which must not stay open and hold up the server's shutdown.
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
