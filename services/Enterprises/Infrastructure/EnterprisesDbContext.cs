using CountyTech.Enterprises.Domain;
using CountyTech.Messaging;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Enterprises.Infrastructure;

/// <summary>
/// The Enterprises service's own database (<c>enterprises-db</c>): enterprises with their innovation records, the granted
/// patents learnt from the Intellectual-property service, the outbox and the inbox.
/// </summary>
public sealed class EnterprisesDbContext(DbContextOptions<EnterprisesDbContext> options) : DbContext(options)
{
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();

    public DbSet<GrantedPatent> GrantedPatents => Set<GrantedPatent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new EnterpriseConfiguration());
        modelBuilder.ApplyConfiguration(new GrantedPatentConfiguration());
        modelBuilder.AddOutbox();
        modelBuilder.AddIdempotency();
        modelBuilder.AddInbox();
    }
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class EnterprisesDesignTimeFactory : ServiceDefaults.DesignTimeDbContextFactory<EnterprisesDbContext>;
