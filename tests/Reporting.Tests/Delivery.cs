namespace CountyTech.Reporting.Tests;

/// <summary>
/// An integration event as a producer's outbox relay sends it: with a UUIDv7 MessageId (ordered by when it was
/// written). Publishing the same delivery twice is a duplicate on the wire.
/// </summary>
public sealed record Delivery(object Event, Guid MessageId)
{
    public static Delivery Of(object integrationEvent) => new(integrationEvent, Guid.CreateVersion7());
}
