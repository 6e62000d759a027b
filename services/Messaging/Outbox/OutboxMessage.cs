using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CountyTech.ServiceDefaults;

namespace CountyTech.Messaging.Outbox;

/// <summary>
/// An integration event waiting in the service's own database to be published (table <c>outbox_message</c>).
/// Written in the same transaction as the state change it announces; the relay publishes it with
/// <see cref="Id"/> as MassTransit's MessageId, so consumers can recognise a second delivery.
/// </summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions Json = Extensions.ConfigureJson(new JsonSerializerOptions());

    // Type.GetType loads the assembly by name on every call; a name that does not resolve is not kept, so it fails again.
    private static readonly ConcurrentDictionary<string, Type> EventTypes = new(StringComparer.Ordinal);

    private OutboxMessage()
    {
    }

    /// <summary>UUIDv7: ordered by creation, used as the MessageId on the wire.</summary>
    public Guid Id { get; private set; }

    /// <summary>Type name and assembly of the event, enough for <see cref="Type.GetType(string)"/>.</summary>
    public string MessageType { get; private set; } = string.Empty;

    public string Payload { get; private set; } = string.Empty;

    /// <summary>W3C trace context of the request that caused the event, so its trace continues through the broker.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; internal set; }

    public int Attempts { get; internal set; }

    public DateTimeOffset NextAttemptAt { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>
    /// When the relay gave the row up (死信): it could not be read back into an event (its type gone, its payload no
    /// longer fitting the type) in <see cref="OutboxRelayOptions.DeadAfterAttempts"/> attempts. A dead row is never
    /// published until an operator clears this column again (README, runbook); a broker outage never makes a row dead.
    /// </summary>
    public DateTimeOffset? DeadAt { get; internal set; }

    public static OutboxMessage For<TEvent>(TEvent integrationEvent, TimeProvider clock) where TEvent : class
    {
        var now = clock.GetUtcNow();
        var type = integrationEvent.GetType();
        var activity = Activity.Current;
        return new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, Json),
            TraceParent = activity?.Id,
            TraceState = activity?.TraceStateString,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    internal object ReadEvent(out Type type)
    {
        type = EventTypes.GetOrAdd(MessageType, static name => Type.GetType(name, throwOnError: true)!);
        return JsonSerializer.Deserialize(Payload, type, Json)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload.");
    }
}
