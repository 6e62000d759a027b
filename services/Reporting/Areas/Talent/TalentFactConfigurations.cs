using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Areas.Talent;

// The projections of the talent area: each keyed by the natural id its event carries, indexed by its business date.

internal sealed class ExpertIntroductionConfiguration : IEntityTypeConfiguration<ExpertIntroduction>
{
    public void Configure(EntityTypeBuilder<ExpertIntroduction> builder)
    {
        builder.ToTable("expert_introductions");
        builder.HasKey(f => f.ExpertId);
        builder.HasIndex(f => f.IntroducedOn);
    }
}

internal sealed class CommissionerDispatchConfiguration : IEntityTypeConfiguration<CommissionerDispatch>
{
    public void Configure(EntityTypeBuilder<CommissionerDispatch> builder)
    {
        builder.ToTable("commissioner_dispatches");
        builder.HasKey(f => f.CommissionerId);
        builder.HasIndex(f => f.DispatchedOn);
    }
}

internal sealed class CommissionerDepartureConfiguration : IEntityTypeConfiguration<CommissionerDeparture>
{
    public void Configure(EntityTypeBuilder<CommissionerDeparture> builder)
    {
        builder.ToTable("commissioner_departures");
        builder.HasKey(f => f.CommissionerId);
        builder.HasIndex(f => f.LeftOn);
    }
}

internal sealed class CommissionerServiceLogConfiguration : IEntityTypeConfiguration<CommissionerServiceLog>
{
    public void Configure(EntityTypeBuilder<CommissionerServiceLog> builder)
    {
        builder.ToTable("commissioner_service_logs");
        builder.HasKey(f => f.ServiceLogId);
        builder.HasIndex(f => f.ServedOn);
    }
}

internal sealed class DemonstrationBaseCertificationConfiguration : IEntityTypeConfiguration<DemonstrationBaseCertification>
{
    public void Configure(EntityTypeBuilder<DemonstrationBaseCertification> builder)
    {
        builder.ToTable("demonstration_base_certifications");
        builder.HasKey(f => f.BaseId);
        builder.Property(f => f.AreaMu).HasColumnType("numeric(14,2)");
        builder.HasIndex(f => f.CertifiedOn);
    }
}

internal sealed class DemonstrationHouseholdCertificationConfiguration : IEntityTypeConfiguration<DemonstrationHouseholdCertification>
{
    public void Configure(EntityTypeBuilder<DemonstrationHouseholdCertification> builder)
    {
        builder.ToTable("demonstration_household_certifications");
        builder.HasKey(f => f.HouseholdId);
        builder.HasIndex(f => f.CertifiedOn);
    }
}

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.ToTable("trainings");
        builder.HasKey(f => f.TrainingId);
        builder.HasIndex(f => f.HeldOn);
    }
}
