using CountyTech.Messaging.Tests.Ledger;
using CountyTech.Testing;
using Microsoft.EntityFrameworkCore;
using MassTransit;
using RabbitMQ.Client;

namespace CountyTech.Messaging.Tests;

/// <summary>The idempotent inbox and the error queue, through the real broker.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class InboxTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Task<(decimal Total, int Postings)> BalanceAsync(LedgerHost host) =>
        host.ReadAsync(async db =>
        {
            var balance = await db.Set<Balance>().AsNoTracking().SingleAsync();
            return (balance.Total, balance.Postings);
        });

    [Fact]
    public async Task The_same_message_delivered_twice_takes_effect_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: false, ct);
        var messageId = Guid.CreateVersion7();

        await host.Bus.Publish(new LedgerPosted(1, 7.5m), (PublishContext<LedgerPosted> context) => context.MessageId = messageId, ct);
        await host.Bus.Publish(new LedgerPosted(1, 7.5m), (PublishContext<LedgerPosted> context) => context.MessageId = messageId, ct);
        await Eventually.UntilAsync(() => Task.FromResult(host.Counter.Deliveries), d => d >= 2, "both deliveries", Patience);

        Assert.Equal((7.5m, 1), await BalanceAsync(host));
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_while_the_others_flow()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: true, ct);

        await host.WriteToOutboxAsync(
            [new LedgerPosted(1, 1m), new LedgerPosted(2, 100m, Poison: true), new LedgerPosted(3, 2m), new LedgerPosted(4, 3m)], ct);

        var balance = await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings >= 3, "the healthy postings", Patience);
        Assert.Equal((6m, 3), balance);

        await OnlyThePoisonIsInTheErrorQueueAsync(host, 2, ct);
    }

    [Fact]
    public async Task A_poison_message_in_a_batch_goes_alone_to_the_error_queue_and_the_rest_of_its_batch_commits()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        using var batches = new InboxBatchReadings();
        await using var host = await LedgerHost.StartAsync(infrastructure, runRelay: true, ct, batchedInbox: true);

        // Relayed together, consumed 32 at a time: the poison one shares a group with healthy ones.
        await host.WriteToOutboxAsync([.. Enumerable.Range(1, 60).Select(i => new LedgerPosted(i, 1m, Poison: i == 30))], ct);

        var balance = await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings >= 59, "the 59 healthy postings", Patience);
        Assert.Equal((59m, 59), balance);
        await OnlyThePoisonIsInTheErrorQueueAsync(host, 30, ct);
        Assert.True(batches.Isolations >= 1, "the group holding the poison message was never split");

        // Without a poison message, groups commit whole.
        await host.WriteToOutboxAsync([.. Enumerable.Range(61, 60).Select(i => new LedgerPosted(i, 1m))], ct);
        balance = await Eventually.UntilAsync(() => BalanceAsync(host), b => b.Postings >= 119, "the next 60 postings", Patience);
        Assert.Equal((119m, 119), balance);
        Assert.True(batches.LargestGroup > 1, $"no group of more than one delivery was committed (largest {batches.LargestGroup})");
    }

    /// <summary>The error queue holds one message, and the poison posting <paramref name="sequence"/> left no entry.</summary>
    private async Task OnlyThePoisonIsInTheErrorQueueAsync(LedgerHost host, int sequence, CancellationToken ct)
    {
        var errorQueueDepth = await Eventually.UntilAsync(() => MessageCountAsync(host.QueueName + "_error", ct), n => n >= 1, "the poison message in the error queue", Patience);
        Assert.Equal(1u, errorQueueDepth);
        // What the gauge countytech.messaging.error_queue_depth shows for this service's queue.
        Assert.Equal(1, (await host.ErrorQueues.ReadDepthsAsync(ct))[host.QueueName + "_error"]);
        Assert.Equal(0, await host.ReadAsync(db =>
            db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM ledger_entry WHERE sequence = {sequence}").SingleAsync(ct)));
    }

    private async Task<uint> MessageCountAsync(string queue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.RabbitMq.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return await channel.MessageCountAsync(queue, cancellationToken);
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // The error queue is declared when the first fault is moved there.
        }
    }
}
