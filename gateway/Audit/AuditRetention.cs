using CountyTech.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Audit;

/// <summary>Deletes audit entries older than <see cref="AuditOptions.Retention"/>, every <see cref="AuditOptions.SweepInterval"/>.</summary>
internal sealed class AuditRetention(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var cutoff = clock.GetUtcNow() - options.Value.Retention;
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().AuditEntries
                    .Where(e => e.At < cutoff).ExecuteDeleteAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} audit entries older than {Cutoff}", deleted, cutoff);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not delete old audit entries; trying again at the next interval");
            }
        }
    }
}
