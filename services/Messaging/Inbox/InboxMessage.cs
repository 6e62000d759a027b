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

    /// <summary>
    /// <see cref="RecordAsync"/> for many messages in one statement (the batched inbox's group); for each, in order, true
    /// when its row is new. A message twice in <paramref name="messages"/> is new at most once, the first time.
    /// </summary>
    internal static async Task<bool[]> RecordAllAsync(
        DbContext db, IReadOnlyList<(Guid MessageId, string Consumer, DateTimeOffset ProcessedAt)> messages, CancellationToken cancellationToken)
    {
        var inserted = await db.Database.SqlQueryRaw<string>(
                $"INSERT INTO {MessagingModel.InboxTable} (message_id, consumer, processed_at) " +
                "SELECT * FROM unnest({0}::uuid[], {1}::text[], {2}::timestamptz[]) ON CONFLICT DO NOTHING " +
                "RETURNING message_id::text || ' ' || consumer AS \"Value\"",
                messages.Select(m => m.MessageId).ToArray(), messages.Select(m => m.Consumer).ToArray(),
                messages.Select(m => m.ProcessedAt).ToArray())
            .ToListAsync(cancellationToken);
        var firsts = inserted.ToHashSet(StringComparer.Ordinal);
        return [.. messages.Select(m => firsts.Remove($"{m.MessageId} {m.Consumer}"))];
    }
}
