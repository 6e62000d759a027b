using CountyTech.Gateway.Admin;
using CountyTech.Gateway.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Infrastructure;

/// <summary>The gateway's own database (<c>gateway-db</c>): API clients and idempotent requests.</summary>
public sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options) : DbContext(options)
{
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GatewayDbContext).Assembly);
}
