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

        var errorQueueDepth = await Eventually.UntilAsync(() => MessageCountAsync(host.QueueName + "_error", ct), n => n >= 1, "the poison message in the error queue", Patience);
        Assert.Equal(1u, errorQueueDepth);
        // What the gauge countytech.messaging.error_queue_depth shows for this service's queue.
        Assert.Equal(1, (await host.ErrorQueues.ReadDepthsAsync(ct))[host.QueueName + "_error"]);
        Assert.Equal(0, await host.ReadAsync(db =>
            db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM ledger_entry WHERE sequence = 2").SingleAsync(ct)));
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
