using Microsoft.Extensions.Configuration;

namespace CountyTech.AppHost;

/// <summary>
/// PostgreSQL (one database per service) and RabbitMQ: Aspire's containers where a container runtime answers, otherwise
/// private servers from the machine's own binaries, with data under <c>LocalServers:DataDirectory</c> (default
/// <c>&lt;repository&gt;/.data</c>). Services get the same connection strings either way.
/// </summary>
internal static class InfrastructureExtensions
{
    public const string DataDirectoryKey = "LocalServers:DataDirectory";

    public static PlatformInfrastructure AddInfrastructure(this IDistributedApplicationBuilder builder, IEnumerable<string> databases)
    {
        if (builder.ExecutionContext.IsPublishMode || ContainerRuntime.Answers(builder.Configuration))
        {
            var postgres = builder.AddPostgres("postgres");
            return new(
                databases.ToDictionary(name => name, IResourceBuilder<IResourceWithConnectionString> (name) => postgres.AddDatabase(name)),
                builder.AddRabbitMQ("messaging"));
        }

        var directory = Path.GetFullPath(builder.Configuration[DataDirectoryKey] ?? Path.Combine(builder.AppHostDirectory, "..", ".data"));
        var localPostgres = builder.AddLocalPostgres("postgres", Path.Combine(directory, "postgres"));
        return new(
            databases.ToDictionary(name => name, IResourceBuilder<IResourceWithConnectionString> (name) => localPostgres.AddDatabase(name)),
            builder.AddLocalRabbitMq("messaging", Path.Combine(directory, "rabbitmq")));
    }

    /// <summary>The service's own database, waited for; the service is healthy when its /health is.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure, string database)
    {
        var serviceDatabase = infrastructure.Databases[database];
        return service
            .WithReference(serviceDatabase).WaitFor(serviceDatabase)
            .WithHttpHealthCheck("/health");
    }

    /// <summary>The broker (<c>messaging</c>), waited for.</summary>
    public static IResourceBuilder<ProjectResource> WithMessaging(
        this IResourceBuilder<ProjectResource> service, PlatformInfrastructure infrastructure) =>
        service.WithReference(infrastructure.Messaging).WaitFor(infrastructure.Messaging);
}
