using CountyTech.Gateway.Audit;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Gateway.Infrastructure;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entry");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ClientId).HasMaxLength(CallerIdentity.MaxClientIdLength);
        builder.Property(e => e.ClientName).HasMaxLength(200);
        builder.Property(e => e.Method).HasMaxLength(20);
        builder.Property(e => e.Path).HasMaxLength(AuditEntry.MaxPathLength);
        builder.Property(e => e.ResourceId).HasMaxLength(ResourceIds.MaxLength);
        builder.Property(e => e.TraceId).HasMaxLength(32);
        builder.Property(e => e.Changes).HasColumnType("jsonb");
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ClientId, e.At });
        builder.HasIndex(e => new { e.ResourceId, e.At });
    }
}
