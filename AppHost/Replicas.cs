using Microsoft.Extensions.Configuration;

namespace CountyTech.AppHost;

/// <summary>
/// Two of everything (or more): <c>COUNTYTECH_REPLICAS=2</c> in the AppHost's environment (or a
/// <c>--COUNTYTECH_REPLICAS=2</c> argument) runs every service and the gateway with that many replicas behind the
/// orchestrator's proxy on their usual ports. Nothing else changes: the relays share their outbox (<c>FOR UPDATE SKIP
/// LOCKED</c>), the Reporting replicas compete on its queues, the gateways share the rate limit and the services their
/// idempotency records through the databases. PostgreSQL and RabbitMQ stay single.
/// </summary>
internal static class Replicas
{
    public const string VariableName = "COUNTYTECH_REPLICAS";

    public static IDistributedApplicationBuilder WithPlatformReplicas(this IDistributedApplicationBuilder builder)
    {
        var replicas = Of(builder.Configuration);
        if (replicas == 1)
        {
            return builder;
        }

        foreach (var project in builder.Projects())
        {
            project.WithReplicas(replicas);
        }

        return builder;
    }

    /// <summary>How many replicas of each project the configuration asks for (1 when <see cref="VariableName"/> is unset).</summary>
    public static int Of(IConfiguration configuration)
    {
        var setting = configuration[VariableName];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return 1;
        }

        return int.TryParse(setting, out var replicas) && replicas is >= 1 and <= 8
            ? replicas
            : throw new InvalidOperationException($"{VariableName} must be a whole number from 1 to 8, not '{setting}'.");
    }
}
