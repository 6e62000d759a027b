using CountyTech.Enterprises.Apis;
using CountyTech.Enterprises.Infrastructure;
using CountyTech.Enterprises.IntegrationEvents;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;

namespace CountyTech.Enterprises;

internal static class Extensions
{
    /// <summary>
    /// All of the Enterprises service's wiring: its database, the bus with the consumers of the patent events (for "owns
    /// granted IP"), the outbox relay and its API examples.
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<EnterprisesDbContext>("enterprises-db");
        builder.AddMessaging("enterprises", bus =>
        {
            bus.AddConsumer<PatentGrantedConsumer>();
            bus.AddConsumer<PatentLapsedConsumer>();
        });
        builder.AddOutboxRelay<EnterprisesDbContext>();
        builder.Services.AddApiExamples(EnterpriseExamples.All);
        return builder;
    }
}
