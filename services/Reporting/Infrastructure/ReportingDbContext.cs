using CountyTech.Contracts.Projects;
using CountyTech.Messaging;
using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// Reporting's own database (<c>reporting-db</c>): the event log, the projections built from it (one table per kind
/// of fact), the baselines entered by hand, and the inbox that makes every consumer idempotent.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<Baseline> Baselines => Set<Baseline>();

    public DbSet<ProjectSubmission> ProjectSubmissions => Set<ProjectSubmission>();

    public DbSet<ProjectApproval> ProjectApprovals => Set<ProjectApproval>();

    public DbSet<ProjectRejection> ProjectRejections => Set<ProjectRejection>();

    public DbSet<ProjectDisbursement> ProjectDisbursements => Set<ProjectDisbursement>();

    public DbSet<ProjectOutcome> ProjectOutcomes => Set<ProjectOutcome>();

    public DbSet<ProjectAcceptance> ProjectAcceptances => Set<ProjectAcceptance>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Contract enums are stored by name, so the tables read like the events and survive a reordered enum.
        configurationBuilder.Properties<ProjectLevel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ProjectField>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<OutcomeKind>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}
