using CountyTech.Messaging;
using CountyTech.Projects.Apis;
using CountyTech.Projects.Infrastructure;
using CountyTech.ServiceDefaults;

namespace CountyTech.Projects;

internal static class Extensions
{
    /// <summary>All of the Projects service's wiring: its database, the bus, the outbox relay and its API examples.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProjectsDbContext>("projects-db");
        builder.AddMessaging("projects");
        builder.AddOutboxRelay<ProjectsDbContext>();
        builder.Services.AddApiExamples(ProjectExamples.All);
        return builder;
    }
}
