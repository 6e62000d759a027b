namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// One integration event as Reporting received it (事件日志, table <c>event_log</c>): kept for good, so every
/// projection can be rebuilt from it. Written in the same transaction as the projections it fed.
/// </summary>
public sealed class EventLogEntry
{
    /// <summary>MassTransit's MessageId: the producer's outbox row id (UUIDv7, ordered by when the producer wrote it).</summary>
    public required Guid MessageId { get; init; }

    /// <summary>Full name of the contract type, e.g. <c>CountyTech.Contracts.Projects.ProjectApproved</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Area that published it, from the contract namespace, e.g. <c>projects</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The event as JSON (jsonb), in the platform's JSON conventions.</summary>
    public required string Payload { get; init; }

    /// <summary>When the producer sent it, as MassTransit stamped it; null if the sender did not say.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When Reporting logged and applied it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// W3C trace id under which it was consumed: the trace of the request that caused it, carried through the outbox
    /// and the broker, so ops can go from an indicator's input to the request that wrote it.
    /// </summary>
    public string? TraceId { get; init; }
}
