using CountyTech.Messaging;
using CountyTech.Projects.Infrastructure;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects;

internal static class Extensions
{
    /// <summary>All of the Projects service's wiring: its database, the bus and the outbox relay.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProjectsDbContext>("projects-db");
        builder.AddMessaging("projects");
        builder.AddOutboxRelay<ProjectsDbContext>();
        return builder;
    }
}
