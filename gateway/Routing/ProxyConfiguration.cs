using CountyTech.Gateway.Authorization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace CountyTech.Gateway.Routing;

/// <summary>Turns the <see cref="RouteTable"/> into YARP routes and clusters.</summary>
internal static class ProxyConfiguration
{
    /// <summary>YARP's policy name for "no authorization" (the OpenAPI documents are public).</summary>
    private const string Anonymous = "Anonymous";

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        .. RouteTable.Areas.Select(area => new RouteConfig
        {
            RouteId = area.Area,
            ClusterId = area.Service,
            Match = new RouteMatch { Path = area.PathPrefix + "/{**rest}" },
            AuthorizationPolicy = ScopePolicies.For(area.Area),
        }),
        .. RouteTable.ReservedOperations.Select(operation => new RouteConfig
        {
            RouteId = operation.Name,
            ClusterId = operation.Owner.Service,
            Match = new RouteMatch { Path = operation.Path, Methods = [operation.Method] },
            AuthorizationPolicy = ScopePolicies.For(operation.Scope),
        }),
        .. RouteTable.Areas.Select(area => new RouteConfig
        {
            RouteId = area.Service + "-openapi",
            ClusterId = area.Service,
            Match = new RouteMatch { Path = RouteTable.OpenApiPath(area.Service), Methods = [HttpMethods.Get, HttpMethods.Head] },
            AuthorizationPolicy = Anonymous,
        }.WithTransformPathSet(RouteTable.ServiceOpenApiPath)),
    ];

    /// <summary>One cluster per service; a service missing from the deployment gets no destination (503).</summary>
    public static IReadOnlyList<ClusterConfig> Clusters(ServiceDeployment deployment) =>
    [
        .. RouteTable.Areas.Select(area => area.Service).Distinct().Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = deployment.IsDeployed(service)
                ? new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"http://{service}" } }
                : new Dictionary<string, DestinationConfig>(),
        }),
    ];
}
