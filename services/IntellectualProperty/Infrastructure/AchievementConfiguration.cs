using CountyTech.IntellectualProperty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.IntellectualProperty.Infrastructure;

internal sealed class AchievementConfiguration : IEntityTypeConfiguration<Achievement>
{
    public void Configure(EntityTypeBuilder<Achievement> achievement)
    {
        achievement.ToTable("achievement");
        achievement.HasKey(a => a.Id);
        achievement.Property(a => a.RegistrationNo).HasMaxLength(50);
        achievement.HasIndex(a => a.RegistrationNo).IsUnique();
        achievement.Property(a => a.Title).HasMaxLength(200);
        achievement.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        achievement.Property(a => a.HolderName).HasMaxLength(200);
        achievement.HasIndex(a => a.RegisteredOn);
    }
}
