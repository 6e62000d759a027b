namespace CountyTech.Messaging.Inbox;

/// <summary>
/// A message a consumer has already taken effect for (table <c>inbox_message</c>, key MessageId + consumer).
/// Inserted in the same transaction as the effect, so a second delivery finds it and changes nothing.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = string.Empty;

    public DateTimeOffset ProcessedAt { get; set; }
}
