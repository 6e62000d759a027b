using Scalar.AspNetCore;

namespace CountyTech.Gateway.Routing;

/// <summary>
/// The API reference page (接口文档) at <c>/scalar</c>: first the platform's one document (<see cref="PlatformDocument"/>),
/// then the gateway's client admin API and the OpenAPI document of every deployed service, each fetched through the gateway at <c>/openapi/&lt;service&gt;.json</c>. Public, like
/// the documents; "try it" calls go to the gateway, which authenticates them as any other call.
/// </summary>
internal static class ApiReference
{
    public static WebApplication MapApiReference(this WebApplication app)
    {
        var deployment = app.Services.GetRequiredService<ServiceDeployment>();
        app.MapScalarApiReference(options =>
        {
            options.WithTitle("CountyTech API (县科技局创新平台)")
                .AddServer("/")
                .WithDynamicBaseServerUrl(true)
                .AddDocument("countytech", "CountyTech: the whole platform", PlatformDocument.Path, isDefault: true)
                .AddDocument("v1", "Gateway: client admin", isDefault: false);
            foreach (var service in RouteTable.Areas.Select(a => a.Service).Where(deployment.IsDeployed))
            {
                options.AddDocument(service, service, RouteTable.OpenApiPath(service));
            }
        }).AllowAnonymous();
        return app;
    }
}
