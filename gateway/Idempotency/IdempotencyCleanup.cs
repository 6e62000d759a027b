using System.Data.Common;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Idempotency;

/// <summary>Deletes idempotency records past their retention, every <see cref="IdempotencyOptions.CleanupInterval"/>.</summary>
internal sealed class IdempotencyCleanup(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyCleanup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency records", deleted);
                }
            }
            catch (DbException ex)
            {
                logger.LogWarning(ex, "Could not delete expired idempotency records; trying again at the next interval");
            }
        }
    }
}
