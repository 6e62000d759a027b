using System.Net;
using System.Net.Sockets;

namespace CountyTech.AppHost;

/// <summary>
/// With one replica of each project, a project that references another (the gateway) reaches it at the port the
/// service itself listens on, not through the orchestrator's proxy in front of it: the proxy is one more process and one
/// more connection per call, for nothing to balance (issue 7: it was most of the gateway's added latency). The AppHost
/// chooses that port (a free one, as the orchestrator does for the ports behind its proxies) so that it can tell the
/// caller; the proxied address stays for everything else (the dashboard, a caller outside the platform). With replicas
/// (<see cref="Replicas"/>), the proxy is what spreads the calls, and references keep it.
/// </summary>
internal static class DirectServiceAddresses
{
    private const string EndpointName = "http";

    public static IDistributedApplicationBuilder WithDirectServiceAddresses(this IDistributedApplicationBuilder builder)
    {
        if (Replicas.Of(builder.Configuration) > 1)
        {
            return builder;
        }

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var caller in @event.Model.Resources.OfType<ProjectResource>())
            {
                var services = caller.Annotations.OfType<ResourceRelationshipAnnotation>()
                    .Where(relationship => relationship.Type == "Reference")
                    .Select(relationship => relationship.Resource)
                    .OfType<ProjectResource>()
                    .Where(service => service != caller)
                    .Distinct();
                foreach (var service in services)
                {
                    var endpoint = service.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == EndpointName);
                    endpoint.TargetPort ??= FreePort();
                    var address = $"http://localhost:{endpoint.TargetPort}";
                    // Service discovery's variable for the endpoint, set after the reference's own (later callbacks win).
                    caller.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                        context.EnvironmentVariables[$"services__{service.Name}__{EndpointName}__0"] = address));
                }
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
