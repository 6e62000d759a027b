using CountyTech.LocalServers;

namespace CountyTech.AppHost;

/// <summary>
/// A RabbitMQ node run by the orchestrator from the machine's own binaries, where no container runtime answers.
/// Its connection string has the shape of Aspire's RabbitMQ container's.
/// </summary>
internal sealed class LocalRabbitMqResource(string name, string command, string directory, string password)
    : ExecutableResource(name, command, directory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string DistributionEndpointName = "distribution";

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{LocalRabbitMq.UserName}:{password}@{LocalRabbitMq.Host}:{Endpoint.Property(EndpointProperty.Port)}");
}
