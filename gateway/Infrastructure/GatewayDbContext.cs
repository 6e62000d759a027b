using CountyTech.Gateway.Admin;
using CountyTech.Gateway.Audit;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Infrastructure;

/// <summary>The gateway's own database (<c>gateway-db</c>): API clients, the audit trail, and the idempotent requests of its own endpoints.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
        modelBuilder.AddIdempotency();
    }
}
