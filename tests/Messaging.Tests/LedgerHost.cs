using CountyTech.Messaging.Outbox;
using CountyTech.Messaging.Tests.Ledger;
using CountyTech.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CountyTech.Messaging.Tests;

/// <summary>
/// A real service host for one test: its own database on the shared PostgreSQL, its own queues on the shared RabbitMQ,
/// the outbox relay and the ledger consumer, wired exactly as services wire them (AddMessaging, AddOutboxRelay).
/// </summary>
public sealed class LedgerHost : IAsyncDisposable
{
    private readonly IHost _host;

    private LedgerHost(IHost host, string serviceName)
    {
        _host = host;
        ServiceName = serviceName;
    }

    public string ServiceName { get; }

    /// <summary>The queue the ledger consumer reads (kebab-case, prefixed with the service name).</summary>
    public string QueueName => $"{ServiceName}-ledger";

    public DeliveryCounter Counter => _host.Services.GetRequiredService<DeliveryCounter>();

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public OutboxRelay<LedgerDbContext> Relay => _host.Services.GetRequiredService<OutboxRelay<LedgerDbContext>>();

    public ErrorQueueMonitor ErrorQueues => _host.Services.GetRequiredService<ErrorQueueMonitor>();

    public MessageRetention<LedgerDbContext> Retention => _host.Services.GetRequiredService<MessageRetention<LedgerDbContext>>();

    /// <summary>
    /// Starts a ledger service on a new database and queue, or, with <paramref name="replicaOf"/>, a second replica of that
    /// one: the same database (outbox and inbox) and the same queue. With <paramref name="batchedInbox"/> its consumer takes
    /// 32 deliveries at once and commits them through the batched inbox, as Reporting does.
    /// </summary>
    public static async Task<LedgerHost> StartAsync(
        InfrastructureFixture infrastructure, bool runRelay, CancellationToken cancellationToken, LedgerHost? replicaOf = null, bool batchedInbox = false)
    {
        var serviceName = replicaOf?.ServiceName ?? "t" + Guid.NewGuid().ToString("N")[..10];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = infrastructure.RabbitMq.ConnectionString,
            ["ConnectionStrings:ledger-db"] = infrastructure.Postgres.ConnectionString(serviceName),
            ["Outbox:IdleDelay"] = "00:00:00.050",
            ["Outbox:PublishTimeout"] = "00:00:30",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
        });
        builder.Services.AddDbContext<LedgerDbContext>(options => options
            .UseNpgsql(builder.Configuration.GetConnectionString("ledger-db"))
            .UseSnakeCaseNamingConvention());
        builder.Services.AddSingleton<DeliveryCounter>();
        builder.Services.AddSingleton(TimeProvider.System);
        if (batchedInbox)
        {
            builder.AddBatchedInbox<LedgerDbContext>();
        }

        builder.AddMessaging(serviceName, bus => bus.AddConsumer<LedgerConsumer>().Endpoint(e =>
        {
            e.Name = $"{serviceName}-ledger";
            if (batchedInbox)
            {
                e.PrefetchCount = 32;
                e.ConcurrentMessageLimit = 32;
            }
        }));
        if (runRelay)
        {
            builder.AddOutboxRelay<LedgerDbContext>();
        }
        else
        {
            // Relay rounds and sweeps run only when the test calls them, never in the background.
            builder.Services.AddOutboxSignal<LedgerDbContext>();
            builder.Services.AddSingleton<OutboxRelay<LedgerDbContext>>();
            builder.Services.AddSingleton<MessageRetention<LedgerDbContext>>();
        }

        var host = builder.Build();
        if (replicaOf is null)
        {
            await CreateSchemaAsync(host.Services, cancellationToken);
        }

        await host.StartAsync(cancellationToken);
        return new LedgerHost(host, serviceName);
    }

    /// <summary>Writes postings into the outbox the way a service does: with its state change, in one SaveChanges.</summary>
    public async Task WriteToOutboxAsync(IEnumerable<LedgerPosted> postings, CancellationToken cancellationToken)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        foreach (var posting in postings)
        {
            db.AddIntegrationEvent(posting, TimeProvider.System);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<T> ReadAsync<T>(Func<LedgerDbContext, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<LedgerDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(stop.Token);
        _host.Dispose();
    }

    /// <summary>The test ledger has no migrations of its own; its schema is the model's create script, run once on its fresh database.</summary>
    private static async Task CreateSchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), cancellationToken);
        await db.Database.ExecuteSqlAsync($"INSERT INTO balance (id, total, postings) VALUES (1, 0, 0)", cancellationToken);
    }
}
