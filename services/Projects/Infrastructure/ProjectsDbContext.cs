using CountyTech.Messaging;
using CountyTech.Projects.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Projects.Infrastructure;

/// <summary>The Projects service's own database (<c>projects-db</c>): projects, their payments and outcomes, the outbox and the idempotent requests.</summary>
public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.AddOutbox();
        modelBuilder.AddIdempotency();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class ProjectsDesignTimeFactory : ServiceDefaults.DesignTimeDbContextFactory<ProjectsDbContext>;
