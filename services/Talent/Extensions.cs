using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Apis;
using CountyTech.Talent.Infrastructure;

namespace CountyTech.Talent;

internal static class Extensions
{
    /// <summary>All of the Talent service's wiring: its database, the bus, the outbox relay and its API examples.</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TalentDbContext>("talent-db");
        builder.AddMessaging("talent");
        builder.AddOutboxRelay<TalentDbContext>();
        builder.Services.AddApiExamples(TalentExamples.All);
        return builder;
    }
}
