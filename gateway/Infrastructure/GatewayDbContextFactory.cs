using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without a running platform.</summary>
public sealed class GatewayDbContextFactory : DesignTimeDbContextFactory<GatewayDbContext>;
