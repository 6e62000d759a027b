using CountyTech.IntellectualProperty.Domain;
using CountyTech.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.IntellectualProperty.Infrastructure;

/// <summary>The Intellectual Property service's own database (<c>ip-db</c>): patents, technology contracts, achievements, and the outbox.</summary>
public sealed class IntellectualPropertyDbContext(DbContextOptions<IntellectualPropertyDbContext> options) : DbContext(options)
{
    public DbSet<Patent> Patents => Set<Patent>();

    public DbSet<TechnologyContract> TechnologyContracts => Set<TechnologyContract>();

    public DbSet<Achievement> Achievements => Set<Achievement>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PatentConfiguration());
        modelBuilder.ApplyConfiguration(new TechnologyContractConfiguration());
        modelBuilder.ApplyConfiguration(new AchievementConfiguration());
        modelBuilder.AddOutbox();
        modelBuilder.AddIdempotency();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class IntellectualPropertyDesignTimeFactory : ServiceDefaults.DesignTimeDbContextFactory<IntellectualPropertyDbContext>;
