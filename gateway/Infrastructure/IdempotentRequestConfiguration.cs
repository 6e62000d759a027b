using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Gateway.Infrastructure;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    /// <summary>The table name; the claim statement (SQL) in <see cref="IdempotencyStore"/> names it too.</summary>
    public const string TableName = "idempotent_requests";

    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(r => new { r.ClientId, r.IdempotencyKey });
        builder.Property(r => r.ClientId).HasMaxLength(ClientIds.MaxLength);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(IdempotencyKey.MaxLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(32);
        builder.HasIndex(r => r.ExpiresAt);
    }
}
