using System.Text.Json;
using CountyTech.Reporting.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CountyTech.Reporting.IntegrationEvents;

/// <summary>
/// An integration event type Reporting consumes: its name in the event log, the area it comes from, and how it is
/// consumed from the broker or replayed from the log.
/// </summary>
public abstract class ReportedEvent
{
    /// <summary>Deliveries of one event type in progress at once (each queue's prefetch).</summary>
    protected const int ConcurrentDeliveries = 100;

    /// <summary>The platform's JSON conventions, for the payloads in the event log.</summary>
    protected static readonly JsonSerializerOptions Json = ServiceDefaults.Extensions.ConfigureJson(new JsonSerializerOptions());

    protected ReportedEvent(Type eventType)
    {
        Name = eventType.FullName!;
        Source = SourceOf(eventType);
    }

    /// <summary>Full name of the contract type, as stored in <see cref="EventLogEntry.EventType"/>.</summary>
    public string Name { get; }

    /// <summary>The publishing area: the last segment of the contract namespace, kebab-case (<c>CountyTech.Contracts.Projects</c> → <c>projects</c>).</summary>
    public string Source { get; }

    public static string SourceOf(Type eventType) =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(eventType.Namespace![(eventType.Namespace!.LastIndexOf('.') + 1)..]);

    internal abstract void AddConsumer(IBusRegistrationConfigurator bus);

    /// <summary>Applies a logged event to the projections again, as <c>rebuild</c> does.</summary>
    internal abstract Task ReplayAsync(EventLogEntry entry, ReportingDbContext db, IServiceProvider services, CancellationToken cancellationToken);
}

/// <summary>The consumption and replay of events of type <typeparamref name="TEvent"/>.</summary>
public sealed class ReportedEvent<TEvent>() : ReportedEvent(typeof(TEvent)) where TEvent : class
{
    public EventLogEntry Log(TEvent integrationEvent, Guid messageId, DateTime? sentTime, DateTimeOffset receivedAt) => new()
    {
        MessageId = messageId,
        EventType = Name,
        Source = Source,
        Payload = JsonSerializer.Serialize(integrationEvent, Json),
        SentAt = sentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : null,
        ReceivedAt = receivedAt,
        TraceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
    };

    /// <summary>Runs every projection registered for <typeparamref name="TEvent"/>.</summary>
    public static async Task ApplyAsync(
        TEvent integrationEvent, Guid messageId, IEnumerable<IProjection<TEvent>> projections, ReportingDbContext db,
        CancellationToken cancellationToken)
    {
        foreach (var projection in projections)
        {
            await projection.ApplyAsync(integrationEvent, messageId, db, cancellationToken);
        }
    }

    /// <summary>Up to <see cref="ConcurrentDeliveries"/> deliveries at once, so that the batched inbox has groups to commit.</summary>
    internal override void AddConsumer(IBusRegistrationConfigurator bus) => bus.AddConsumer<EventLogConsumer<TEvent>>()
        .Endpoint(endpoint =>
        {
            endpoint.PrefetchCount = ConcurrentDeliveries;
            endpoint.ConcurrentMessageLimit = ConcurrentDeliveries;
        });

    internal override Task ReplayAsync(EventLogEntry entry, ReportingDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        var integrationEvent = JsonSerializer.Deserialize<TEvent>(entry.Payload, Json)
            ?? throw new InvalidOperationException($"Event log entry {entry.MessageId} has an empty payload.");
        return ApplyAsync(integrationEvent, entry.MessageId, services.GetServices<IProjection<TEvent>>(), db, cancellationToken);
    }
}
