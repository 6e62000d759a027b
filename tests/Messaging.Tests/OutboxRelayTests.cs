using CountyTech.Messaging.Outbox;
using CountyTech.Messaging.Tests.Ledger;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Messaging.Tests;

/// <summary>
/// The outbox relay against real PostgreSQL and RabbitMQ: every row is delivered exactly once in effect, whatever
/// happens to the broker or to the relay between publishing and marking a row sent.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxRelayTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static IEnumerable<LedgerPosted> Postings(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new LedgerPosted(i, i));

    private static decimal SumOf(int from, int count) => Enumerable.Range(from, count).Sum(i => (decimal)i);

    private static Task<(decimal Total, int Postings, int Entries)> BalanceAsync(LedgerHost host) =>
        host.ReadAsync(async db =>
        {
            var balance = await db.Set<Balance>().AsNoTracking().SingleAsync();
            return (balance.Total, balance.Postings, await db.Set<LedgerEntry>().CountAsync());
        });

    private static Task<int> PendingAsync(LedgerHost host) =>
        host.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null));

    [Fact]
    public async Task Every_row_takes_effect_once_when_the_broker_stops_and_restarts_mid_stream()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: true, ct);

        await host.WriteToOutboxAsync(Postings(1, 100), ct);
        await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings >= 20, "the first postings to arrive", Patience);

        await infrastructure.RabbitMq.StopAsync(ct);
        try
        {
            // Written while the broker is down: they wait in the outbox.
            await host.WriteToOutboxAsync(Postings(101, 50), ct);
            await host.WriteToOutboxAsync(Postings(151, 50), ct);
        }
        finally
        {
            // Not the test's token: a test that times out here must still leave the broker running for the next ones.
            await infrastructure.RabbitMq.StartAsync(CancellationToken.None);
        }

        await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings >= 200, "all 200 postings", Patience);

        // The relay marks a batch sent when it commits, which can be after the consumer has applied the batch's last
        // message; a publish whose confirm was lost in the restart is marked only after it is published again.
        await Eventually.UntilAsync(() => PendingAsync(host), pending => pending == 0, "every outbox row marked sent", Patience);
        // Read after every row is marked, so a copy republished in the restart that got past the inbox would show here.
        Assert.Equal((SumOf(1, 200), 200, 200), await BalanceAsync(host));

        // Each of the 200 messages took effect under its own MessageId, once.
        var processed = await host.ReadAsync(db =>
            db.Database.SqlQuery<int>($"SELECT count(DISTINCT message_id)::int AS \"Value\" FROM inbox_message").SingleAsync(ct));
        Assert.Equal(200, processed);
        // Broker failures never make a row dead, however many attempts they cost.
        Assert.Equal(0, await host.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DeadAt != null, ct)));
    }

    [Fact]
    public async Task Two_replicas_share_one_outbox_and_one_queue_and_every_row_takes_effect_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var first = await LedgerHost.StartAsync(infrastructure, runRelay: true, ct);
        await using var second = await LedgerHost.StartAsync(infrastructure, runRelay: true, ct, replicaOf: first);

        // Written through both replicas while both relays claim batches and both consumers compete on the queue.
        await Task.WhenAll(
            Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).WriteToOutboxAsync(Postings(1 + i * 40, 40), ct)));

        await Eventually.UntilAsync(() => BalanceAsync(first), b => b.Postings >= 400, "all 400 postings", Patience);
        await Eventually.UntilAsync(() => PendingAsync(first), pending => pending == 0, "every outbox row marked sent", Patience);
        Assert.Equal((SumOf(1, 400), 400, 400), await BalanceAsync(first));
        // No row took effect twice: one inbox row per outbox row.
        Assert.Equal(400, await first.ReadAsync(db =>
            db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_message").SingleAsync(ct)));
        Assert.True(first.Counter.Deliveries > 0 && second.Counter.Deliveries > 0, "both replicas consumed from the shared queue");
    }

    [Fact]
    public async Task A_row_whose_event_type_is_gone_is_dead_after_its_attempts_and_never_claimed_again()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: false, ct);
        await host.WriteToOutboxAsync(Postings(1, 3), ct);
        // As if the event type had been deleted from the code after the row was written.
        var gone = await host.ReadAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        await host.ReadAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE outbox_message SET message_type = 'CountyTech.Contracts.Gone.RemovedEvent, Contracts' WHERE id = {gone}", ct));

        Assert.Equal(2, await host.Relay.RelayBatchAsync(ct));
        var dead = await Eventually.UntilAsync(
            async () =>
            {
                await host.Relay.RelayBatchAsync(ct);
                return await host.ReadAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == gone, ct));
            },
            row => row.DeadAt is not null, "the unreadable row dead", Patience);

        Assert.Equal(new OutboxRelayOptions().DeadAfterAttempts, dead.Attempts);
        Assert.Null(dead.SentAt);
        Assert.Contains("RemovedEvent", dead.LastError);
        await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings == 2, "the two readable postings", Patience);

        // Past every backoff, the dead row is still not claimed.
        await host.ReadAsync(db => db.Database.ExecuteSqlAsync($"UPDATE outbox_message SET next_attempt_at = now() - interval '1 hour'", ct));
        Assert.Equal(0, await host.Relay.RelayBatchAsync(ct));
        var stillDead = await host.ReadAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == gone, ct));
        Assert.Equal(dead.Attempts, stillDead.Attempts);
    }

    [Fact]
    public async Task A_relay_that_dies_between_publish_and_mark_publishes_again_and_the_inbox_drops_the_copies()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: false, ct);
        await host.WriteToOutboxAsync(Postings(1, 30), ct);

        Assert.Equal(30, await host.Relay.RelayBatchAsync(ct));
        await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings == 30, "the first delivery", Patience);

        // A crash after the publish and before the commit leaves exactly this state: published, sent_at still null.
        await host.ReadAsync(db => db.Database.ExecuteSqlAsync($"UPDATE outbox_message SET sent_at = NULL", ct));
        Assert.Equal(30, await PendingAsync(host));

        Assert.Equal(30, await host.Relay.RelayBatchAsync(ct));
        await Eventually.UntilAsync(() => Task.FromResult(host.Counter.Deliveries), d => d >= 60, "the second deliveries", Patience);

        Assert.Equal((SumOf(1, 30), 30, 30), await BalanceAsync(host));
        Assert.Equal(0, await PendingAsync(host));
    }

    [Fact]
    public async Task Each_row_is_published_with_its_row_id_as_message_id_and_marked_sent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: false, ct);
        // The relay sends each payload as stored (the house's JSON: kebab-case enum names, decimals as written).
        var postings = Enumerable.Range(1, 5).Select(i => new LedgerPosted(i, i + 0.25m, Side: i % 2 == 0 ? LedgerSide.CarriedForward : LedgerSide.Credit)).ToList();
        await host.WriteToOutboxAsync(postings, ct);
        var ids = await host.ReadAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(ct));

        await host.Relay.RelayBatchAsync(ct);
        await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings == 5, "five postings", Patience);

        var processed = await host.ReadAsync(db =>
            db.Database.SqlQuery<Guid>($"SELECT message_id AS \"Value\" FROM inbox_message ORDER BY message_id").ToListAsync(ct));
        Assert.Equal(ids.Order(), processed.Order());
        var entries = await host.ReadAsync(db => db.Set<LedgerEntry>().AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(ct));
        Assert.Equal(postings.Select(p => (p.Sequence, p.Amount, p.Side)), entries.Select(e => (e.Sequence, e.Amount, e.Side)));
        var sent = await host.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.SentAt != null).CountAsync(ct));
        Assert.Equal(5, sent);
    }
}
