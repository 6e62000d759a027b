namespace CountyTech.AppHost;

/// <summary>
/// The secrets of the platform's trust boundary, as Aspire secret parameters (hidden in the dashboard): the gateway
/// secret, generated for each run and given to every project (the gateway signs each forwarded request with it, each
/// service checks the signature), and the bootstrap admin key, from <c>COUNTYTECH_ADMIN_KEY</c> when it is set.
/// </summary>
internal static class GatewayTrust
{
    public const string SecretVariable = "COUNTYTECH_GATEWAY_SECRET";
    public const string AdminKeyVariable = "COUNTYTECH_ADMIN_KEY";

    /// <summary>
    /// Gives the gateway secret to every project resource of the model, whenever it was added: a new service gets it
    /// without a line of its own.
    /// </summary>
    public static IDistributedApplicationBuilder AddGatewaySecret(this IDistributedApplicationBuilder builder)
    {
        var secret = builder.AddParameter("gateway-secret", new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true);
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var project in @event.Model.Resources.OfType<ProjectResource>())
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                    context.EnvironmentVariables[SecretVariable] = secret.Resource));
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>The bootstrap admin key for the gateway, if the AppHost's environment (or a test's argument) has one.</summary>
    public static IResourceBuilder<ProjectResource> WithBootstrapAdminKey(this IResourceBuilder<ProjectResource> gateway)
    {
        var builder = gateway.ApplicationBuilder;
        return builder.Configuration[AdminKeyVariable] is { Length: > 0 }
            ? gateway.WithEnvironment(AdminKeyVariable, builder.AddParameterFromConfiguration("admin-key", AdminKeyVariable, secret: true))
            : gateway;
    }
}
