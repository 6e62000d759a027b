using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CountyTech.ServiceDefaults;

public static class ConnectionStrings
{
    /// <summary>
    /// How many statements each database connection keeps prepared (Npgsql's automatic preparation: a statement run five
    /// times on a connection is prepared, the least used dropped beyond this many). Unprepared, PostgreSQL parses and plans
    /// every query again: issue 7 measured a read of one project through the gateway at 1.2 ms of PostgreSQL's CPU
    /// unprepared and 0.3 ms prepared, and twice the reads a second (BENCHMARKS.md, runs of 2026-12-03 09:39–10:29 UTC).
    /// </summary>
    public const int PreparedStatementsPerConnection = 50;

    private const string MaxAutoPrepareKey = "Max Auto Prepare";

    /// <summary>The connection string the AppHost gives under a resource's name; missing is a start-up error that says how to fix it.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name)
        ?? throw new InvalidOperationException(
            $"Connection string '{name}' is missing: run the platform through the AppHost or set ConnectionStrings__{name}.");

    /// <summary>
    /// <paramref name="connectionString"/> with <see cref="PreparedStatementsPerConnection"/> prepared statements, unless
    /// it sets <c>Max Auto Prepare</c> itself (0 turns preparation off).
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.Keys.Contains(MaxAutoPrepareKey, StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = PreparedStatementsPerConnection;
        }

        return builder.ConnectionString;
    }
}
