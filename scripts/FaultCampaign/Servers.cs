using Npgsql;

namespace CountyTech.FaultCampaign;

/// <summary>
/// The platform's PostgreSQL and RabbitMQ, found as process trees under the campaign's work directory (the AppHost ran
/// them there as children of the orchestrator), frozen, killed or restarted with the command line, environment and
/// directory they were started with.
/// </summary>
internal sealed class Servers(string workDirectory, string databaseConnectionString, StartedProcesses started)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>SIGSTOP to every process of the broker for <paramref name="duration"/>, then SIGCONT; returns when it is thawed.</summary>
    public async Task FreezeBrokerAsync(TimeSpan duration)
    {
        var tree = Signals.Tree(BrokerRoot().Pid);
        await Signals.SendAsync("STOP", tree);
        try
        {
            await Task.Delay(duration);
        }
        finally
        {
            await Signals.SendAsync("CONT", tree);
        }
    }

    /// <summary>SIGKILL to every process of the broker, then the broker started again.</summary>
    public async Task KillBrokerAsync()
    {
        var root = BrokerRoot();
        var tree = Signals.Tree(root.Pid);
        await Signals.SendAsync("KILL", tree);
        await RequireGoneAsync("RabbitMQ", tree);
        started.StartAgain("rabbitmq", root);
    }

    /// <summary>SIGTERM to the server (its wrapper makes that PostgreSQL's fast shutdown), then the server started again.</summary>
    public async Task RestartDatabaseAsync()
    {
        var root = DatabaseRoot();
        var tree = Signals.Tree(root.Pid);
        await Signals.SendAsync("TERM", [root.Pid]);
        await RequireGoneAsync("PostgreSQL", tree);
        started.StartAgain("postgres", root);
    }

    /// <summary>pg_terminate_backend for every client connection of the server but this one; returns how many.</summary>
    public async Task<int> TerminateDatabaseConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(databaseConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The broker's first process: the one with its data under the work directory whose parent has not.</summary>
    private LinuxProcess BrokerRoot() => Root("RabbitMQ", p => p.Environment.TryGetValue("RABBITMQ_MNESIA_BASE", out var data) && data.StartsWith(workDirectory, StringComparison.Ordinal));

    /// <summary>The database server's first process: the one whose command line names a directory under the work directory.</summary>
    private LinuxProcess DatabaseRoot() => Root("PostgreSQL", p => p.Arguments.Contains("-D") && p.Arguments.Any(a => a.StartsWith(workDirectory, StringComparison.Ordinal)));

    private static LinuxProcess Root(string what, Func<LinuxProcess, bool> belongs)
    {
        var members = LinuxProcess.All().Where(belongs).ToList();
        var pids = members.Select(p => p.Pid).ToHashSet();
        return members.SingleOrDefault(p => !pids.Contains(p.ParentPid))
            ?? throw new InvalidOperationException($"{what} of the platform is not running (found {members.Count} processes of it).");
    }

    private static async Task RequireGoneAsync(string what, List<int> tree)
    {
        if (!await Signals.GoneAsync(tree, Patience))
        {
            throw new InvalidOperationException($"{what} did not stop within {Patience.TotalSeconds:0} s.");
        }
    }
}
