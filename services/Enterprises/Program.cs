using CountyTech.Enterprises;
using CountyTech.Enterprises.Apis;
using CountyTech.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseCallerIdentity();
app.MapEnterprisesApi();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
