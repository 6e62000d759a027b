using CountyTech.BureauRules;
using CountyTech.Enterprises.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Enterprises.Infrastructure;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    private const string Money = "numeric(14,4)";

    public void Configure(EntityTypeBuilder<Enterprise> enterprise)
    {
        enterprise.ToTable("enterprise");
        enterprise.HasKey(e => e.Id);
        enterprise.Property(e => e.CreditCode).HasMaxLength(CreditCode.Length);
        enterprise.HasIndex(e => e.CreditCode).IsUnique();
        enterprise.Property(e => e.Name).HasMaxLength(EnterpriseLimits.Name);
        enterprise.Property(e => e.Industry).HasMaxLength(EnterpriseLimits.Industry);
        enterprise.Property(e => e.Township).HasMaxLength(EnterpriseLimits.Township);
        enterprise.Property<uint>("xmin").IsRowVersion();
        enterprise.HasIndex(e => new { e.Township, e.Industry });

        enterprise.OwnsMany(e => e.Certificates, certificate =>
        {
            certificate.ToTable("high_tech_certificate");
            certificate.WithOwner().HasForeignKey("EnterpriseId");
            certificate.HasKey(c => c.Id);
            certificate.Property(c => c.Id).ValueGeneratedNever();
            certificate.Property(c => c.CertificateNo).HasMaxLength(EnterpriseLimits.Number);
            certificate.HasIndex(c => c.CertificateNo).IsUnique();
            certificate.Property(c => c.TechnologyField).HasMaxLength(EnterpriseLimits.TechnologyField);
            certificate.Property(c => c.RevocationReason).HasMaxLength(EnterpriseLimits.Reason);
            certificate.HasIndex(c => c.IssuedOn);
        });
        enterprise.Navigation(e => e.Certificates).HasField("_certificates");

        enterprise.OwnsMany(e => e.TechSmeRegistrations, registration =>
        {
            registration.ToTable("tech_sme_registration");
            registration.WithOwner().HasForeignKey("EnterpriseId");
            registration.HasKey(r => r.Id);
            registration.Property(r => r.Id).ValueGeneratedNever();
            registration.Property(r => r.RegistrationNo).HasMaxLength(EnterpriseLimits.Number);
            registration.HasIndex(r => r.RegistrationNo).IsUnique();
            registration.HasIndex("EnterpriseId", nameof(TechSmeRegistration.Year)).IsUnique();
        });
        enterprise.Navigation(e => e.TechSmeRegistrations).HasField("_techSmeRegistrations");

        enterprise.OwnsMany(e => e.RdCentres, centre =>
        {
            centre.ToTable("rd_centre");
            centre.WithOwner().HasForeignKey("EnterpriseId");
            centre.HasKey(c => c.Id);
            centre.Property(c => c.Id).ValueGeneratedNever();
            centre.Property(c => c.Name).HasMaxLength(EnterpriseLimits.Name);
            centre.Property(c => c.Level).HasConversion<string>().HasMaxLength(20);
        });
        enterprise.Navigation(e => e.RdCentres).HasField("_rdCentres");

        enterprise.OwnsMany(e => e.Cooperations, cooperation =>
        {
            cooperation.ToTable("cooperation");
            cooperation.WithOwner().HasForeignKey("EnterpriseId");
            cooperation.HasKey(c => c.Id);
            cooperation.Property(c => c.Id).ValueGeneratedNever();
            cooperation.Property(c => c.Partner).HasMaxLength(EnterpriseLimits.Name);
            cooperation.Property(c => c.PartnerKind).HasConversion<string>().HasMaxLength(20);
            cooperation.Property(c => c.AmountWan).HasColumnType(Money);
        });
        enterprise.Navigation(e => e.Cooperations).HasField("_cooperations");

        enterprise.OwnsMany(e => e.AnnualReports, report =>
        {
            report.ToTable("annual_report");
            report.WithOwner().HasForeignKey("EnterpriseId");
            report.HasKey(r => r.Id);
            report.Property(r => r.Id).ValueGeneratedNever();
            report.HasIndex("EnterpriseId", nameof(AnnualReport.Year)).IsUnique();
            report.Property(r => r.RevenueWan).HasColumnType(Money);
            report.Property(r => r.RdExpenseWan).HasColumnType(Money);
            report.Property(r => r.HighTechRevenueWan).HasColumnType(Money);
            report.Ignore(r => r.Figures);
        });
        enterprise.Navigation(e => e.AnnualReports).HasField("_annualReports");
    }
}
