using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Enterprises.Infrastructure;
using CountyTech.Messaging.Outbox;
using CountyTech.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Enterprises.Tests;

/// <summary>
/// The real Enterprises service on its own fresh database of the shared PostgreSQL, with the shared RabbitMQ. It counts
/// the deliveries its consumers finish, so a test that publishes events waits for exactly those.
/// </summary>
public sealed class EnterprisesServiceFactory(InfrastructureFixture infrastructure) : WebApplicationFactory<Program>, IConsumeObserver
{
    public static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    private readonly string _database = "enterprises_" + Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<Guid, int> _consumed = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:enterprises-db", infrastructure.Postgres.ConnectionString(_database));
        builder.UseSetting("ConnectionStrings:messaging", infrastructure.RabbitMq.ConnectionString);
        builder.UseSetting("Outbox:IdleDelay", "00:00:00.050");
    }

    /// <summary>Starts the service (migrations applied, consumers listening) and returns a client for its API.</summary>
    public HttpClient Start()
    {
        var client = CreateClient();
        Services.GetRequiredService<IBus>().ConnectConsumeObserver(this);
        return client;
    }

    /// <summary>
    /// Publishes each event through the broker with its MessageId (a repeated id is a duplicate on the wire, as a relay
    /// sends after a crash) and waits until the service's consumers have finished every delivery.
    /// </summary>
    public async Task PublishAsync(IEnumerable<(object Event, Guid MessageId)> deliveries)
    {
        var bus = Services.GetRequiredService<IBus>();
        var expected = new Dictionary<Guid, int>();
        foreach (var (integrationEvent, messageId) in deliveries)
        {
            await bus.Publish(integrationEvent, integrationEvent.GetType(), context => context.MessageId = messageId);
            expected[messageId] = expected.GetValueOrDefault(messageId) + 1;
        }

        await Eventually.UntilAsync(() => expected.All(e => _consumed.GetValueOrDefault(e.Key) >= e.Value),
            "every delivery to be consumed");
    }

    public async Task<T> ReadAsync<T>(Func<EnterprisesDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<EnterprisesDbContext>());
    }

    /// <summary>The events written to this service's outbox so far (published or not), by type name, oldest first.</summary>
    public async Task<List<string>> OutboxEventsAsync()
    {
        var types = await ReadAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Select(m => m.MessageType).ToListAsync());
        return types.Select(type => type.Split(',')[0].Split('.')[^1]).ToList();
    }

    public static async Task<T> BodyAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _consumed.AddOrUpdate(context.MessageId!.Value, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
