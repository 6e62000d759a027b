using CountyTech.IntellectualProperty;
using CountyTech.IntellectualProperty.Apis;
using CountyTech.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseCallerIdentity();
app.MapPatentsApi();
app.MapTechnologyContractsApi();
app.MapAchievementsApi();

app.Run();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
