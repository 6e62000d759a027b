using CountyTech.ServiceDefaults;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>Lets <c>dotnet ef</c> build <see cref="ReportingDbContext"/> without a running platform.</summary>
public sealed class ReportingDbContextFactory : DesignTimeDbContextFactory<ReportingDbContext>;
