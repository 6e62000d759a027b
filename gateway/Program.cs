using CountyTech.Gateway;
using CountyTech.Gateway.Admin;
using CountyTech.Gateway.Audit;
using CountyTech.Gateway.Routing;
using CountyTech.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();

app.UseTraceparentHeader();
app.MapDefaultEndpoints(publicEntrance: true);
app.UseGatewayProtection();

app.MapClientAdminApi();
app.MapAuditApi();
app.MapServiceRoutes();
app.MapPlatformDocument();
app.MapApiReference();

app.Run();
