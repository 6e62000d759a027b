using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// A service's own PostgreSQL database: the DbContext on the connection string named like the AppHost resource
/// (<c>projects-db</c>…), snake_case tables, a readiness check, its migrations applied (traced) before the service
/// takes traffic, and the idempotency of POSTs recorded in the transaction of their effect (<see cref="IdempotencyMiddleware"/>).
/// </summary>
public static class ServiceDatabase
{
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetRequiredConnectionString(connectionName);

        builder.Services.AddScoped<RequestIdempotency>();
        builder.Services.AddDbContext<TContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<RequestIdempotency>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName);
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();

        builder.Services.AddScoped(services => new IdempotencyStore(services.GetRequiredService<TContext>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<IdempotencyRetention<TContext>>();
        return builder;
    }

    /// <summary>Applies pending migrations at start; hosted services start before the server listens.</summary>
    private sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
        : IHostedService where TContext : DbContext
    {
        private static readonly ActivitySource Source = new(Telemetry.SourcePrefix + ".Database");
        private const int Attempts = 10;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            using var activity = Source.StartActivity($"migrate {typeof(TContext).Name}");
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<TContext>();
                    await db.Database.MigrateAsync(cancellationToken);
                    logger.LogInformation("Database of {Context} is at its latest migration", typeof(TContext).Name);
                    return;
                }
                catch (NpgsqlException ex) when (ex.IsTransient && attempt < Attempts)
                {
                    logger.LogWarning(ex, "Database not reachable yet (attempt {Attempt} of {Attempts})", attempt, Attempts);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                }
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
