using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// Checks at start that <typeparamref name="TContext"/> holds the idempotency table (<c>modelBuilder.AddIdempotency()</c>):
/// without it a retried POST would act twice, so the service refuses to start. Then deletes expired rows, every
/// <see cref="IdempotencyOptions.SweepInterval"/>.
/// </summary>
internal sealed class IdempotencyRetention<TContext>(
    IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyRetention<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (scope.ServiceProvider.GetRequiredService<TContext>().Model.FindEntityType(typeof(IdempotentRequest)) is null)
            {
                throw new InvalidOperationException(
                    $"{typeof(TContext).Name} has no idempotency table: add `modelBuilder.AddIdempotency();` to its OnModelCreating and " +
                    "a migration, so that a POST with an Idempotency-Key is recorded in the transaction of its effect.");
            }
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Deleted {Count} expired idempotency records of {Context}", deleted, typeof(TContext).Name);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not delete expired idempotency records of {Context}; trying again at the next interval", typeof(TContext).Name);
            }
        }
    }
}
