using CountyTech.Contracts.Projects;
using CountyTech.Messaging;
using CountyTech.Reporting.Apis;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting;

/// <summary>All of Reporting's wiring.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>("reporting-db");

        var reportedEvents = new ReportedEvents(builder.Services)
            .Project<ProjectSubmitted, ProjectProjections>()
            .Project<ProjectApproved, ProjectProjections>()
            .Project<ProjectRejected, ProjectProjections>()
            .Project<ProjectFundsDisbursed, ProjectProjections>()
            .Project<ProjectOutcomeRecorded, ProjectProjections>()
            .Project<ProjectAccepted, ProjectProjections>();
        builder.Services.AddSingleton(reportedEvents);
        builder.AddMessaging("reporting", reportedEvents.AddConsumers);
        builder.AddMessageRetention<ReportingDbContext>();

        builder.Services.AddSingleton<ReportingMetrics>();
        builder.Services.AddHostedService<DataAgeSeeding>();
        builder.Services.AddScoped<EventLogReplay>();
        return builder;
    }
}
