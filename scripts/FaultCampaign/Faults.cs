using CountyTech.Testing;

namespace CountyTech.FaultCampaign;

/// <summary>
/// One fault: its name, how it is injected, and the injection itself, which returns once the fault has ended (the
/// process is started again, the broker thawed, the connections let through). <c>Ready</c> names a process that must
/// serve again (its <c>/health</c> and the gateway reaching it) before recovery is measured.
/// </summary>
internal sealed record Fault(string Name, string How, Func<Task> InjectAsync, string? Ready = null);

/// <summary>The faults, built on the platform's servers, services and the TCP proxy between services and broker.</summary>
internal sealed class Faults(Servers servers, Services services, TcpFaultProxy brokerProxy, string proxiedBroker, TimeSpan hold)
{
    /// <summary>The services whose broker connection goes through the proxy once they have been started again.</summary>
    private static readonly HashSet<string> ThroughProxy = ["projects", "reporting"];

    public Fault BrokerFrozen() => new($"broker frozen {hold.TotalSeconds:0} s",
        $"SIGSTOP to every RabbitMQ process, SIGCONT {hold.TotalSeconds:0} s later",
        () => servers.FreezeBrokerAsync(hold));

    public Fault BrokerKilled() => new("broker killed and started again",
        "SIGKILL to every RabbitMQ process; the node started again at once with the same command, environment and port",
        servers.KillBrokerAsync);

    public Fault ServiceKilled(string name) => new($"{name} killed (kill -9) and started again",
        $"SIGKILL to {name} during the load ({(name == "reporting" ? "mid-consume" : name == "gateway" ? "mid-request" : "mid-relay")}); " +
        "started again with the same command, environment, directory and port" +
        (ThroughProxy.Contains(name) ? ", its broker connection now through the TCP fault proxy" : ""),
        () => services.KillAndStartAsync(name, ThroughProxy.Contains(name) ? new Dictionary<string, string> { ["ConnectionStrings__messaging"] = proxiedBroker } : null),
        name);

    public Fault DatabaseConnectionsTerminated() => new("database connections terminated",
        "pg_terminate_backend on every client connection of the PostgreSQL server (all six databases)",
        async () => await servers.TerminateDatabaseConnectionsAsync());

    public Fault DatabaseRestarted() => new("PostgreSQL restarted",
        "SIGTERM to the server (fast shutdown), started again at once with the same command, environment and port",
        servers.RestartDatabaseAsync);

    public Fault BrokerConnectionsReset() => new("broker connections reset (TCP proxy)",
        "the proxy between RabbitMQ and the services started again through it (projects, reporting) resets every connection (RST) and refuses new ones for 2 s",
        async () =>
        {
            await brokerProxy.CutAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            brokerProxy.Restore();
        });

    public Fault BrokerConnectionsStalled() => new($"broker connections stalled {hold.TotalSeconds:0} s (TCP proxy)",
        $"the proxy between RabbitMQ and the services started again through it (projects, reporting) holds every byte both ways for {hold.TotalSeconds:0} s, connections left open",
        async () =>
        {
            brokerProxy.Stall();
            await Task.Delay(hold);
            brokerProxy.Resume();
        });

    /// <summary>
    /// The campaign's order: the services behind the proxy are killed before the proxy's faults, so that they use it.
    /// The short form is a handful of faults, none of them killing a service on the write path (whose start-up under a
    /// loaded machine takes longer than the 30 s goal; RELIABILITY.md); the full form (20) goes through every kind, most
    /// of them twice.
    /// </summary>
    public IReadOnlyList<Fault> Plan(bool full) => full
        ?
        [
            BrokerFrozen(), DatabaseConnectionsTerminated(), ServiceKilled("projects"), ServiceKilled("reporting"), BrokerConnectionsReset(),
            ServiceKilled("enterprises"), ServiceKilled("talent"), ServiceKilled("ip"), ServiceKilled("gateway"), BrokerKilled(),
            BrokerConnectionsStalled(), DatabaseRestarted(), DatabaseConnectionsTerminated(), ServiceKilled("reporting"), BrokerFrozen(),
            ServiceKilled("projects"), BrokerConnectionsReset(), ServiceKilled("gateway"), DatabaseRestarted(), BrokerKilled(),
        ]
        :
        [
            DatabaseConnectionsTerminated(), ServiceKilled("reporting"), BrokerConnectionsReset(), BrokerKilled(), BrokerFrozen(),
        ];
}
