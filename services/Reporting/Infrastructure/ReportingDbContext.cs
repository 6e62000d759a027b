using CountyTech.Messaging;
using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// Reporting's own database (<c>reporting-db</c>): the event log, the projections built from it (one table per kind
/// of fact, configured in each area's folder and found in this assembly), the baselines entered by hand, and the inbox
/// that makes every consumer idempotent.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<Baseline> Baselines => Set<Baseline>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Contract enums are stored by name, so the tables read like the events and survive a reordered enum.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInbox();
        modelBuilder.AddIdempotency();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}
