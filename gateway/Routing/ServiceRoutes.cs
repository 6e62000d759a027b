using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace CountyTech.Gateway.Routing;

/// <summary>Registers YARP with the route table, service discovery of destinations and the header rules.</summary>
internal static class ServiceRoutes
{
    public static IHostApplicationBuilder AddServiceRoutes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceDeployment>();
        builder.Services.AddSingleton<IProxyConfigProvider>(services =>
        {
            var deployment = services.GetRequiredService<ServiceDeployment>();
            var missing = RouteTable.Areas.Select(a => a.Service).Where(s => !deployment.IsDeployed(s)).ToList();
            if (missing.Count > 0)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceRoutes))
                    .LogWarning("Services not configured in this deployment, answered 503: {Services}", missing);
            }

            return new InMemoryConfigProvider(ProxyConfiguration.Routes(), ProxyConfiguration.Clusters(deployment));
        });
        builder.Services.AddReverseProxy()
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => context
                .AddRequestTransform(ForwardedIdentity.ApplyAsync)
                .AddResponseTransform(ForwardedIdentity.TakeInternalHeadersAsync));
        return builder;
    }

    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(ServiceAvailabilityMiddleware.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
