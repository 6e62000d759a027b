using CountyTech.AppHost;

var builder = DistributedApplication.CreateBuilder(args);
builder.AddGatewaySecret();

// One database per service (connection name = database name).
var infrastructure = builder.AddInfrastructure(databases:
[
    "projects-db",
    "reporting-db",
    "gateway-db",
]);

var projects = builder.AddProject<Projects.CountyTech_Projects>("projects")
    .WithDatabase(infrastructure, "projects-db")
    .WithMessaging(infrastructure);

var reporting = builder.AddProject<Projects.CountyTech_Reporting>("reporting")
    .WithDatabase(infrastructure, "reporting-db")
    .WithMessaging(infrastructure);

// The only public entry: http://localhost:5200 (its launch profile); tests get a random port.
var gateway = builder.AddProject<Projects.CountyTech_Gateway>("gateway")
    .WithDatabase(infrastructure, "gateway-db")
    .WithReference(projects).WaitFor(projects)
    .WithReference(reporting).WaitFor(reporting);

// The bootstrap admin API key, from the AppHost's environment (or a --COUNTYTECH_ADMIN_KEY=… argument in tests).
gateway.WithBootstrapAdminKey();

builder.Build().Run();
