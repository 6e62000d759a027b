using CountyTech.IntellectualProperty.Infrastructure;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;

namespace CountyTech.IntellectualProperty;

internal static class Extensions
{
    /// <summary>All of the Intellectual Property service's wiring: its database, the bus and the outbox relay.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IntellectualPropertyDbContext>("ip-db");
        builder.AddMessaging("ip");
        builder.AddOutboxRelay<IntellectualPropertyDbContext>();
        return builder;
    }
}
