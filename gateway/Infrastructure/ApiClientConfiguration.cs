using CountyTech.BureauRules;
using CountyTech.Gateway.Admin;
using CountyTech.Gateway.Authentication;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Infrastructure;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Kind).HasMaxLength(40)
            .HasConversion(k => ApiEnum.Name(k), s => Enum.GetValues<ClientKind>().Single(k => ApiEnum.Name(k) == s));
        builder.Property(c => c.CreatedBy).HasMaxLength(ClientIds.MaxLength);
        builder.Property(c => c.KeyHash).HasMaxLength(32);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.HasIndex(c => c.CreatedAt);
    }
}
