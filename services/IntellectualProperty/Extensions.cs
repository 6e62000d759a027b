using CountyTech.IntellectualProperty.Apis;
using CountyTech.IntellectualProperty.Infrastructure;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;

namespace CountyTech.IntellectualProperty;

internal static class Extensions
{
    /// <summary>All of the Intellectual Property service's wiring: its database, the bus, the outbox relay and its API examples.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntellectualPropertyDbContext>("ip-db");
        builder.AddMessaging("ip");
        builder.AddOutboxRelay<IntellectualPropertyDbContext>();
        builder.Services.AddApiExamples(IntellectualPropertyExamples.All);
        return builder;
    }
}
