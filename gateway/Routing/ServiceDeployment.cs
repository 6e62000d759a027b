namespace CountyTech.Gateway.Routing;

/// <summary>
/// Which services this deployment has: those with service discovery configuration (<c>services:&lt;name&gt;:*</c>,
/// which the AppHost writes for every service it references). The others answer 503.
/// </summary>
internal sealed class ServiceDeployment(IConfiguration configuration)
{
    public bool IsDeployed(string service) => configuration.GetSection("services").GetSection(service).GetChildren().Any();
}
