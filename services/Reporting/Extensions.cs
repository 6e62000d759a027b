using CountyTech.Messaging;
using CountyTech.Reporting.Apis;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Areas.Baselines;
using CountyTech.Reporting.Areas.Enterprises;
using CountyTech.Reporting.Areas.IntellectualProperty;
using CountyTech.Reporting.Areas.Projects;
using CountyTech.Reporting.Areas.Talent;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.Reporting.Report;
using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting;

/// <summary>All of Reporting's wiring.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ReportingDbContext>("reporting-db");

        var reportedEvents = new ReportedEvents(builder.Services);
        var catalog = new ReportingAreas(reportedEvents).AddEveryArea().Catalog();
        builder.Services.AddSingleton(reportedEvents);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddHostedService<FlowTotalsInstaller>();
        builder.AddBatchedInbox<ReportingDbContext>();
        builder.AddMessaging("reporting", reportedEvents.AddConsumers);
        builder.AddMessageRetention<ReportingDbContext>();

        builder.Services.AddSingleton<ReportingMetrics>();
        builder.Services.AddHostedService<DataAgeSeeding>();
        builder.Services.AddScoped<EventLogReplay>();
        builder.Services.AddSingleton<RebuildRunner>();

        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        builder.Services.AddSingleton<ReportTemplates>();
        builder.Services.AddScoped<AnnualReport>();
        builder.Services.AddApiExamples(ReportingExamples.All);
        return builder;
    }

    /// <summary>The areas Reporting serves: one line each, in INDICATORS.md order.</summary>
    public static ReportingAreas AddEveryArea(this ReportingAreas areas) => areas
        .Add<BaselinesArea>()
        .Add<EnterprisesArea>()
        .Add<ProjectsArea>()
        .Add<TalentArea>()
        .Add<IntellectualPropertyArea>();
}
