namespace CountyTech.AppHost;

/// <summary>The services and the gateway, each as a resource builder, for settings that every one of them takes.</summary>
internal static class EveryProject
{
    /// <summary>The resource builder of every project added so far.</summary>
    public static IEnumerable<IResourceBuilder<ProjectResource>> Projects(this IDistributedApplicationBuilder builder) =>
        [.. builder.Resources.OfType<ProjectResource>().Select(builder.CreateResourceBuilder)];
}
