using CountyTech.Messaging.Inbox;
using CountyTech.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CountyTech.Messaging;

/// <summary>How long settled messages are kept: long enough for ops to look back and for late duplicates to be recognised.</summary>
public sealed class MessageRetentionOptions
{
    /// <summary>Outbox rows are deleted this long after they were sent (unsent rows are never deleted).</summary>
    public TimeSpan SentOutbox { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Inbox rows are deleted this long after processing. A duplicate comes from a relay that published again after a
    /// crash or from a broker redelivery, within minutes; a month is far beyond that.
    /// </summary>
    public TimeSpan Inbox { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Deletes settled outbox and inbox rows of <typeparamref name="TContext"/> past their retention, hourly.</summary>
public sealed class MessageRetention<TContext>(
    IServiceScopeFactory scopes,
    IOptions<MessageRetentionOptions> options,
    TimeProvider clock,
    ILogger<MessageRetention<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private readonly MessageRetentionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Sweeping settled messages of {Context} failed; trying again in {Interval}", typeof(TContext).Name, _options.SweepInterval);
            }

            await Task.Delay(_options.SweepInterval, clock, stoppingToken);
        }
    }

    /// <summary>One sweep; returns how many rows it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var deleted = 0;
        if (db.Model.FindEntityType(typeof(OutboxMessage)) is not null)
        {
            var cutoff = now - _options.SentOutbox;
            deleted += await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        if (db.Model.FindEntityType(typeof(InboxMessage)) is not null)
        {
            var cutoff = now - _options.Inbox;
            deleted += await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} settled messages of {Context} past their retention", deleted, typeof(TContext).Name);
        }

        return deleted;
    }
}
