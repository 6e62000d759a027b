namespace CountyTech.AppHost;

/// <summary>The platform's PostgreSQL databases (by connection name) and its RabbitMQ broker (<c>messaging</c>).</summary>
internal sealed record PlatformInfrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging);
