namespace CountyTech.AppHost;

/// <summary>
/// The public entrance's readiness (its database included) on a port of its own, never the public one: the gateway
/// listens there too and answers <c>/health</c> with every check, and Aspire waits on that check.
/// </summary>
internal static class ManagementPort
{
    private const string EndpointName = "management";

    public static IResourceBuilder<ProjectResource> WithManagementPort(this IResourceBuilder<ProjectResource> entrance)
    {
        entrance.WithHttpEndpoint(name: EndpointName);
        return entrance
            .WithEnvironment("MANAGEMENT_PORT", entrance.GetEndpoint(EndpointName).Property(EndpointProperty.TargetPort))
            .WithHttpHealthCheck("/health", endpointName: EndpointName);
    }
}
