using CountyTech.Gateway.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Gateway.Infrastructure;

internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable(SharedRateLimits.Table);
        builder.HasKey(w => new { w.ClientKey, w.WindowStart });
        builder.Property(w => w.ClientKey).HasMaxLength(300);
        builder.HasIndex(w => w.WindowStart);
    }
}
