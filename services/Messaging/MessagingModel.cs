using CountyTech.Messaging.Inbox;
using CountyTech.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Messaging;

/// <summary>The outbox and inbox tables, added to a service's own DbContext model.</summary>
public static class MessagingModel
{
    public const string OutboxTable = "outbox_message";
    public const string InboxTable = "inbox_message";

    public static ModelBuilder AddOutbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.TraceState).HasMaxLength(500);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            outbox.HasIndex(m => new { m.NextAttemptAt, m.Id }).HasFilter("sent_at IS NULL AND dead_at IS NULL").HasDatabaseName("ix_outbox_message_pending");
            outbox.HasIndex(m => m.DeadAt).HasFilter("dead_at IS NOT NULL").HasDatabaseName("ix_outbox_message_dead");
        });
        return model;
    }

    public static ModelBuilder AddInbox(this ModelBuilder model)
    {
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }

    /// <summary>Adds an integration event to the outbox; it is saved (and later published) with the same SaveChanges.</summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent, TimeProvider clock) where TEvent : class =>
        db.Set<OutboxMessage>().Add(OutboxMessage.For(integrationEvent, clock));
}
