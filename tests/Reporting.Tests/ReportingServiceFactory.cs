using System.Net.Http.Json;
using System.Text.Json;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The real Reporting service on its own fresh database of the shared PostgreSQL, consuming from the shared RabbitMQ.
/// Events reach it the way they do in production: published to the broker, routed to its queues.
/// </summary>
public sealed class ReportingServiceFactory(
    InfrastructureFixture infrastructure, string database, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());
    private static readonly TimeSpan ConsumeTimeout = TimeSpan.FromSeconds(30);

    private readonly ConsumedMessages _consumed = new();
    private readonly Dictionary<Guid, int> _published = [];

    public ReportingServiceFactory(InfrastructureFixture infrastructure)
        : this(infrastructure, "reporting_" + Guid.NewGuid().ToString("N")[..12])
    {
    }

    /// <summary>
    /// Another instance of the service on the same database, as the service is after a restart, with
    /// <paramref name="changedSettings"/> in its configuration.
    /// </summary>
    public ReportingServiceFactory OnSameDatabase(params (string Key, string Value)[] changedSettings) => new(infrastructure, database, changedSettings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:reporting-db", infrastructure.Postgres.ConnectionString(database));
        builder.UseSetting("ConnectionStrings:messaging", infrastructure.RabbitMq.ConnectionString);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Starts the service (migrations applied, consumers listening) and returns a client for its API.</summary>
    public HttpClient Start()
    {
        var client = CreateClient();
        Services.GetRequiredService<IBus>().ConnectConsumeObserver(_consumed);
        return client;
    }

    /// <summary>Publishes the deliveries through the broker in the given order and waits until all are consumed.</summary>
    public async Task DeliverAsync(IEnumerable<Delivery> deliveries)
    {
        await PublishAsync(deliveries);
        await ConsumedAsync();
    }

    /// <summary>Publishes the deliveries through the broker in the given order, without waiting for their consumption.</summary>
    public async Task PublishAsync(IEnumerable<Delivery> deliveries)
    {
        var bus = Services.GetRequiredService<IBus>();
        foreach (var delivery in deliveries)
        {
            await bus.Publish(delivery.Event, delivery.Event.GetType(), context => context.MessageId = delivery.MessageId);
            _published[delivery.MessageId] = _published.GetValueOrDefault(delivery.MessageId) + 1;
        }
    }

    /// <summary>How many deliveries this instance consumed (from any publisher), duplicates included.</summary>
    public int ConsumedCount => _consumed.Count;

    /// <summary>Waits until every delivery published so far was consumed.</summary>
    public Task ConsumedAsync() => _consumed.WaitForAsync(_published, ConsumeTimeout);

    public async Task<T> ReadAsync<T>(Func<ReportingDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }

    /// <summary>Every row of every projection table of every area, as JSON lines in table and key order, to compare whole tables.</summary>
    public Task<string> ProjectionsAsync() => ReadAsync(async db =>
    {
        var lines = new List<string>();
        foreach (var fact in db.Model.GetEntityTypes().Where(t => typeof(IFact).IsAssignableFrom(t.ClrType)).OrderBy(t => t.GetTableName()))
        {
            var table = fact.GetTableName()!;
            var key = string.Join(", ", fact.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()));
            // Names from the model, never from input.
#pragma warning disable EF1002
            lines.AddRange(await db.Database
                .SqlQueryRaw<string>($"SELECT '{table} ' || row_to_json(t)::text AS \"Value\" FROM {table} t ORDER BY {key}")
                .ToListAsync());
#pragma warning restore EF1002
        }

        return string.Join("\n", lines);
    });

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json);

}
