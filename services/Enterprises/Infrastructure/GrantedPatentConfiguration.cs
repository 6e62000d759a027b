using CountyTech.BureauRules;
using CountyTech.Enterprises.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Enterprises.Infrastructure;

internal sealed class GrantedPatentConfiguration : IEntityTypeConfiguration<GrantedPatent>
{
    public void Configure(EntityTypeBuilder<GrantedPatent> patent)
    {
        patent.ToTable("granted_patent");
        patent.HasKey(p => p.PatentId);
        patent.Property(p => p.PatentId).ValueGeneratedNever();
        patent.Property(p => p.ApplicationNo).HasMaxLength(20);
        patent.Property(p => p.CreditCode).HasMaxLength(CreditCode.Length);
        patent.HasIndex(p => p.CreditCode);
    }
}
