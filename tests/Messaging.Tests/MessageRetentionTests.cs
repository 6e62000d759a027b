using CountyTech.Messaging.Outbox;
using CountyTech.Messaging.Tests.Ledger;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Messaging.Tests;

/// <summary>Settled outbox and inbox rows are swept after their retention; a row not yet published never is.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class MessageRetentionTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Old_settled_rows_are_deleted_and_unpublished_rows_are_kept_however_old()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: false, ct);
        await host.WriteToOutboxAsync([new LedgerPosted(1, 1m), new LedgerPosted(2, 2m), new LedgerPosted(3, 3m)], ct);
        await host.Relay.RelayBatchAsync(ct);
        await Eventually.UntilAsync(() => Task.FromResult(host.Counter.Deliveries), d => d == 3, "three deliveries");
        await host.WriteToOutboxAsync([new LedgerPosted(4, 4m), new LedgerPosted(5, 5m)], ct);

        Assert.Equal(0, await host.Retention.SweepAsync(ct));

        await host.ReadAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_message SET sent_at = now() - interval '8 days', created_at = now() - interval '8 days' WHERE sent_at IS NOT NULL", ct);
            await db.Database.ExecuteSqlAsync($"UPDATE outbox_message SET created_at = now() - interval '90 days' WHERE sent_at IS NULL", ct);
            return await db.Database.ExecuteSqlAsync($"UPDATE inbox_message SET processed_at = now() - interval '31 days'", ct);
        });

        Assert.Equal(6, await host.Retention.SweepAsync(ct));
        Assert.Equal(2, await host.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null, ct)));
        Assert.Equal(0, await host.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt != null, ct)));
        Assert.Equal(0, await host.ReadAsync(db =>
            db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_message").SingleAsync(ct)));
    }
}
