using CountyTech.BureauRules;
using CountyTech.IntellectualProperty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.IntellectualProperty.Infrastructure;

internal sealed class PatentConfiguration : IEntityTypeConfiguration<Patent>
{
    public void Configure(EntityTypeBuilder<Patent> patent)
    {
        patent.ToTable("patent");
        patent.HasKey(p => p.Id);
        patent.Property(p => p.ApplicationNo).HasMaxLength(PatentApplicationNumber.Length);
        patent.HasIndex(p => p.ApplicationNo).IsUnique();
        patent.Property(p => p.Title).HasMaxLength(200);
        patent.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        patent.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        patent.Property(p => p.ApplicantName).HasMaxLength(200);
        patent.Property(p => p.ApplicantCreditCode).HasMaxLength(CreditCode.Length);
        patent.Property(p => p.Township).HasMaxLength(50);
        patent.Property<uint>("xmin").IsRowVersion();
        patent.HasIndex(p => p.FiledOn);
        patent.HasIndex(p => p.GrantedOn);
        patent.HasIndex(p => new { p.Township, p.Status });
    }
}
