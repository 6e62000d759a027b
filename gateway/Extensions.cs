using CountyTech.Gateway.Admin;
using CountyTech.Gateway.Audit;
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
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<AuditRetention>();
        builder.AddServiceRoutes();
        builder.Services.AddApiExamples(AdminApiExamples.All);
        return builder;
    }

    /// <summary>
    /// Body limit first (nothing large is read); then the limit on requests without valid credentials, before any key
    /// is hashed or looked up; who is calling; how often that client may call; the audit entry of a write, committed
    /// before anything else happens; the public dashboard pages; whether the scope allows it; and finally the
    /// idempotency key.
    /// </summary>
    public static WebApplication UseGatewayProtection(this WebApplication app)
    {
        app.UseRequestBodyLimit();
        app.UseUnauthenticatedLimit();
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            if (ClientPrincipal.ClientIdOf(context.User) is { } clientId)
            {
                context.Features.Set(new Caller(clientId, ClientPrincipal.ScopesOf(context.User).ToHashSet(StringComparer.Ordinal)));
            }

            return next(context);
        });
        app.UseRateLimiter();
        app.UseMiddleware<AuditTrailMiddleware>();
        app.UseDashboard();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        return app;
    }

    public static WebApplication UseTraceparentHeader(this WebApplication app)
    {
        app.UseMiddleware<TraceparentHeaderMiddleware>();
        return app;
    }
}
