using CountyTech.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
builder.AddGatewaySecret();

// One database per service (connection name = database name).
var infrastructure = builder.AddInfrastructure(databases:
[
    "projects-db",
    "enterprises-db",
    "reporting-db",
    "gateway-db",
    "talent-db",
    "ip-db",
]);

var projects = builder.AddProject<Projects.CountyTech_Projects>("projects")
    .WithDatabase(infrastructure, "projects-db")
    .WithMessaging(infrastructure);

var enterprises = builder.AddProject<Projects.CountyTech_Enterprises>("enterprises")
    .WithDatabase(infrastructure, "enterprises-db")
    .WithMessaging(infrastructure);

var talent = builder.AddProject<Projects.CountyTech_Talent>("talent")
    .WithDatabase(infrastructure, "talent-db")
    .WithMessaging(infrastructure);

var ip = builder.AddProject<Projects.CountyTech_IntellectualProperty>("ip")
    .WithDatabase(infrastructure, "ip-db")
    .WithMessaging(infrastructure);

var reporting = builder.AddProject<Projects.CountyTech_Reporting>("reporting")
    .WithDatabase(infrastructure, "reporting-db")
    .WithMessaging(infrastructure);

// The only public entry: http://localhost:5200 (its launch profile); tests get a random port.
var gateway = builder.AddProject<Projects.CountyTech_Gateway>("gateway")
    .WithDatabase(infrastructure, "gateway-db")
    .WithReference(projects).WaitFor(projects)
    .WithReference(enterprises).WaitFor(enterprises)
    .WithReference(talent).WaitFor(talent)
    .WithReference(reporting).WaitFor(reporting)
    .WithReference(ip).WaitFor(ip)
    .WithManagementPort();

// The bootstrap admin API key, from the AppHost's environment (or a --COUNTYTECH_ADMIN_KEY=… argument in tests).
gateway.WithBootstrapAdminKey();

// COUNTYTECH_REPLICAS=2: two replicas of every service and of the gateway.
builder.WithPlatformReplicas();

// One replica: the gateway calls each service at its own port, not through the orchestrator's proxy.
builder.WithDirectServiceAddresses();

// Every write and one read in ten, at most ten such reads a second per process, recorded as a trace (COUNTYTECH_TRACE_RATIO,
// COUNTYTECH_TRACED_READS_PER_SECOND); a caller's flag is followed.
builder.WithTraceSampling();

// Metrics to the dashboard every 10 s, not every second.
builder.WithMetricExportInterval();

// A service, the gateway or a server that dies is started again (as a container orchestrator's restart policy would).
builder.RestartCrashedProcesses();

builder.Build().Run();
