using CountyTech.LocalServers;

namespace CountyTech.AppHost;

/// <summary>
/// PostgreSQL run by the orchestrator from the machine's own binaries, where no container runtime answers.
/// Its connection string has the shape of Aspire's Postgres container's.
/// </summary>
internal sealed class LocalPostgresServerResource(string name, string command, string directory, string password)
    : ExecutableResource(name, command, directory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public List<LocalPostgresDatabaseResource> Databases { get; } = [];

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={LocalPostgres.Host};Port={Endpoint.Property(EndpointProperty.Port)};Username={LocalPostgres.UserName};Password={password}");
}

/// <summary>A service's database on <see cref="LocalPostgresServerResource"/>; the database is named like the resource.</summary>
internal sealed class LocalPostgresDatabaseResource(string name, LocalPostgresServerResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    public LocalPostgresServerResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={Name}");
}
