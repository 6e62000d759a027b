using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Infrastructure;

namespace CountyTech.Talent;

internal static class Extensions
{
    /// <summary>All of the Talent service's wiring: its database, the bus and the outbox relay.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TalentDbContext>("talent-db");
        builder.AddMessaging("talent");
        builder.AddOutboxRelay<TalentDbContext>();
        return builder;
    }
}
