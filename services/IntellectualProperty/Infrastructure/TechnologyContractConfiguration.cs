using CountyTech.BureauRules;
using CountyTech.IntellectualProperty.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.IntellectualProperty.Infrastructure;

internal sealed class TechnologyContractConfiguration : IEntityTypeConfiguration<TechnologyContract>
{
    public void Configure(EntityTypeBuilder<TechnologyContract> contract)
    {
        contract.ToTable("technology_contract");
        contract.HasKey(c => c.Id);
        contract.Property(c => c.RegistrationNo).HasMaxLength(50);
        contract.HasIndex(c => c.RegistrationNo).IsUnique();
        contract.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        contract.Property(c => c.AmountWan).HasColumnType("numeric(14,4)");
        contract.Property(c => c.SellerName).HasMaxLength(200);
        contract.Property(c => c.SellerCreditCode).HasMaxLength(CreditCode.Length);
        contract.Property(c => c.BuyerName).HasMaxLength(200);
        contract.HasIndex(c => c.SignedOn);
    }
}
