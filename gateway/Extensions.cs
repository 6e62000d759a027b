using CountyTech.Gateway.Admin;
using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Dashboard;
using CountyTech.Gateway.Diagnostics;
using CountyTech.Gateway.Idempotency;
using CountyTech.Gateway.Infrastructure;
using CountyTech.Gateway.Limits;
using CountyTech.Gateway.Routing;
using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway;

/// <summary>All DI wiring of the gateway (网关), and the order of its protections in the request pipeline.</summary>
internal static class Extensions
{
    public const string DatabaseName = "gateway-db";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GatewayDbContext>(DatabaseName);

        builder.AddApiKeyAndJwtAuthentication();
        builder.Services.AddScopeAuthorization();
        builder.AddRequestLimits();
        builder.AddIdempotency();
        builder.AddServiceRoutes();
        return builder;
    }

    /// <summary>
    /// Body limit first (nothing large is read), then who is calling, how often they may call, the public dashboard
    /// pages, whether the scope allows it, and finally replay of a repeated <c>Idempotency-Key</c>, which only an
    /// allowed request reaches.
    /// </summary>
    public static WebApplication UseGatewayProtection(this WebApplication app)
    {
        app.UseRequestBodyLimit();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseDashboard();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    public static WebApplication UseTraceparentHeader(this WebApplication app)
    {
        app.UseMiddleware<TraceparentHeaderMiddleware>();
        return app;
    }
}
