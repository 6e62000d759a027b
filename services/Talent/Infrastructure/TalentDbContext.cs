using CountyTech.Messaging;
using CountyTech.Talent.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Infrastructure;

/// <summary>
/// The Talent service's own database (<c>talent-db</c>): experts, commissioners and their service logs, demonstration
/// bases and households, trainings, and the outbox.
/// </summary>
public sealed class TalentDbContext(DbContextOptions<TalentDbContext> options) : DbContext(options)
{
    public DbSet<Expert> Experts => Set<Expert>();

    public DbSet<Commissioner> Commissioners => Set<Commissioner>();

    public DbSet<DemonstrationBase> DemonstrationBases => Set<DemonstrationBase>();

    public DbSet<DemonstrationHousehold> DemonstrationHouseholds => Set<DemonstrationHousehold>();

    public DbSet<Training> Trainings => Set<Training>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TalentDbContext).Assembly);
        modelBuilder.AddOutbox();
        modelBuilder.AddIdempotency();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class TalentDesignTimeFactory : ServiceDefaults.DesignTimeDbContextFactory<TalentDbContext>;
