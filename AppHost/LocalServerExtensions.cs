using CountyTech.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CountyTech.AppHost;

/// <summary>
/// PostgreSQL and RabbitMQ as private child processes of the orchestrator (DCP), with ports it allocates, data under a
/// directory of ours, and health checks that really connect. How to run them is in <c>LocalServers/</c>, shared with the tests.
/// </summary>
internal static class LocalServerExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string directory)
    {
        var command = LocalPostgres.Server(directory, durable: true);
        var server = new LocalPostgresServerResource(name, command.FileName, directory, LocalPostgres.Password(directory));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, ct) => LocalPostgres.InitializeAsync(directory, ct));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, ct) =>
        {
            // A database is no process of its own: it runs once it exists on the running server.
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var connectionString = await server.ConnectionStringExpression.GetValueAsync(ct);
            foreach (var database in server.Databases)
            {
                await PostgresDatabase.CreateIfMissingAsync(connectionString!, database.Name, ct);
                await notifications.PublishUpdateAsync(database, state => state with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
        });

        return builder.AddResource(server)
            .WithArgs([.. command.Arguments])
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, env: LocalPostgres.PortVariable, isProxied: false)
            .WithConnectionHealthCheck(ProbePostgresAsync);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name)
    {
        var database = new LocalPostgresDatabaseResource(name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [],
            })
            .WithConnectionHealthCheck(ProbePostgresAsync);
    }

    public static IResourceBuilder<LocalRabbitMqResource> AddLocalRabbitMq(
        this IDistributedApplicationBuilder builder, string name, string directory)
    {
        var broker = new LocalRabbitMqResource(name, LocalRabbitMq.Server.FileName, directory, LocalRabbitMq.Password(directory));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(broker, (_, _) =>
        {
            LocalRabbitMq.Prepare(directory);
            return Task.CompletedTask;
        });

        // The node's own Erlang port mapper, so stopping the platform leaves no epmd daemon behind.
        var epmd = builder.AddExecutable($"{name}-epmd", LocalRabbitMq.Epmd.FileName, directory, [.. LocalRabbitMq.Epmd.Arguments])
            .WithEndpoint(name: "tcp", env: LocalRabbitMq.EpmdPortVariable, isProxied: false);
        epmd.WithConnectionHealthCheck((resource, ct) => LocalRabbitMq.ProbeEpmdAsync(resource.GetEndpoint("tcp").Port, ct));

        var rabbitMq = builder.AddResource(broker)
            .WithEnvironment(context =>
            {
                foreach (var (variable, value) in LocalRabbitMq.Environment(directory))
                {
                    context.EnvironmentVariables[variable] = value;
                }
            })
            .WithEnvironment(LocalRabbitMq.EpmdPortVariable, $"{epmd.GetEndpoint("tcp").Property(EndpointProperty.Port)}")
            .WithEndpoint(name: LocalRabbitMqResource.EndpointName, env: LocalRabbitMq.NodePortVariable, isProxied: false)
            .WithEndpoint(name: LocalRabbitMqResource.DistributionEndpointName, env: LocalRabbitMq.DistributionPortVariable, isProxied: false)
            .WaitFor(epmd)
            .WithConnectionHealthCheck(ProbeRabbitMqAsync);
        epmd.WithParentRelationship(rabbitMq);
        return rabbitMq;
    }

    private static async Task ProbePostgresAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken) =>
        await LocalPostgres.ProbeAsync(await ConnectionStringOfAsync(resource, cancellationToken), cancellationToken);

    private static async Task ProbeRabbitMqAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken) =>
        await LocalRabbitMq.ProbeAsync(await ConnectionStringOfAsync(resource, cancellationToken), cancellationToken);

    private static async Task<string> ConnectionStringOfAsync(IResourceWithConnectionString resource, CancellationToken cancellationToken) =>
        await resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{resource.Name} has no connection string yet.");

    /// <summary>Healthy when <paramref name="connect"/> (a real client connection) succeeds; its exception is the failure.</summary>
    private static IResourceBuilder<T> WithConnectionHealthCheck<T>(this IResourceBuilder<T> builder, Func<T, CancellationToken, Task> connect)
        where T : IResource
    {
        var key = $"{builder.Resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, async ct =>
        {
            await connect(builder.Resource, ct);
            return HealthCheckResult.Healthy();
        });
        return builder.WithHealthCheck(key);
    }
}
