using CountyTech.Messaging;
using CountyTech.Projects.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Projects.Infrastructure;

/// <summary>The Projects service's own database (<c>projects-db</c>): projects, their payments and outcomes, and the outbox.</summary>
public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProjectConfiguration());
        modelBuilder.AddOutbox();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class ProjectsDesignTimeFactory : ServiceDefaults.DesignTimeDbContextFactory<ProjectsDbContext>;
