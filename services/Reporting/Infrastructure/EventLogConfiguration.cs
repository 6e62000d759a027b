using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Infrastructure;

internal sealed class EventLogConfiguration : IEntityTypeConfiguration<EventLogEntry>
{
    public void Configure(EntityTypeBuilder<EventLogEntry> builder)
    {
        builder.ToTable("event_log");
        builder.HasKey(e => e.MessageId);
        builder.Property(e => e.EventType).HasMaxLength(300);
        builder.Property(e => e.Source).HasMaxLength(100);
        builder.Property(e => e.Payload).HasColumnType("jsonb");
        builder.Property(e => e.TraceId).HasMaxLength(32);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
