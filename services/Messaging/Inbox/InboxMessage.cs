using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Records that <paramref name="consumer"/> takes effect for <paramref name="messageId"/>, in the caller's
    /// transaction; true when the row is new (a first delivery), false when it was already there (a duplicate).
    /// </summary>
    internal static async Task<bool> RecordAsync(
        DbContext db, Guid messageId, string consumer, DateTimeOffset processedAt, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {MessagingModel.InboxTable} (message_id, consumer, processed_at) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT DO NOTHING",
            [messageId, consumer, processedAt], cancellationToken) == 1;
}
