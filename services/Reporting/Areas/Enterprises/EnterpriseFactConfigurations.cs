using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Areas.Enterprises;

// The projections of the enterprises area: each keyed by the natural id its events carry, indexed by its business date.

internal sealed class EnterpriseRegistrationConfiguration : IEntityTypeConfiguration<EnterpriseRegistration>
{
    public void Configure(EntityTypeBuilder<EnterpriseRegistration> builder)
    {
        builder.ToTable("enterprise_registrations");
        builder.HasKey(f => f.EnterpriseId);
        builder.HasIndex(f => f.RegisteredOn);
    }
}

internal sealed class HighTechCertificateConfiguration : IEntityTypeConfiguration<HighTechCertificate>
{
    public void Configure(EntityTypeBuilder<HighTechCertificate> builder)
    {
        builder.ToTable("high_tech_certificates");
        builder.HasKey(f => f.CertificateNo);
        builder.Property(f => f.CertificateNo).HasMaxLength(50);
        builder.HasIndex(f => f.IssuedOn);
        builder.HasIndex(f => f.EnterpriseId);
    }
}

internal sealed class TechSmeRegistrationConfiguration : IEntityTypeConfiguration<TechSmeRegistration>
{
    public void Configure(EntityTypeBuilder<TechSmeRegistration> builder)
    {
        builder.ToTable("tech_sme_registrations");
        builder.HasKey(f => new { f.EnterpriseId, f.Year });
        builder.HasIndex(f => f.Year);
    }
}

internal sealed class RdCentreConfiguration : IEntityTypeConfiguration<RdCentre>
{
    public void Configure(EntityTypeBuilder<RdCentre> builder)
    {
        builder.ToTable("rd_centres");
        builder.HasKey(f => f.CentreId);
        builder.HasIndex(f => f.RecognisedOn);
    }
}

internal sealed class CooperationConfiguration : IEntityTypeConfiguration<Cooperation>
{
    public void Configure(EntityTypeBuilder<Cooperation> builder)
    {
        builder.ToTable("cooperations");
        builder.HasKey(f => f.CooperationId);
        builder.HasIndex(f => f.SignedOn);
    }
}

internal sealed class AnnualFiguresConfiguration : IEntityTypeConfiguration<AnnualFigures>
{
    public void Configure(EntityTypeBuilder<AnnualFigures> builder)
    {
        builder.ToTable("enterprise_annual_figures");
        builder.HasKey(f => new { f.EnterpriseId, f.Year });
        builder.HasIndex(f => f.Year);
    }
}
