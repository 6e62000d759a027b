using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Areas.IntellectualProperty;

// The projections of the intellectual-property area: each keyed by the natural id its event carries, indexed by its
// business date.

internal sealed class PatentFilingConfiguration : IEntityTypeConfiguration<PatentFiling>
{
    public void Configure(EntityTypeBuilder<PatentFiling> builder)
    {
        builder.ToTable("patent_filings");
        builder.HasKey(f => f.PatentId);
        builder.HasIndex(f => f.FiledOn);
    }
}

internal sealed class PatentGrantConfiguration : IEntityTypeConfiguration<PatentGrant>
{
    public void Configure(EntityTypeBuilder<PatentGrant> builder)
    {
        builder.ToTable("patent_grants");
        builder.HasKey(f => f.PatentId);
        builder.HasIndex(f => f.GrantedOn);
    }
}

internal sealed class PatentRejectionConfiguration : IEntityTypeConfiguration<PatentRejection>
{
    public void Configure(EntityTypeBuilder<PatentRejection> builder)
    {
        builder.ToTable("patent_rejections");
        builder.HasKey(f => f.PatentId);
        builder.HasIndex(f => f.RejectedOn);
    }
}

internal sealed class PatentLapseConfiguration : IEntityTypeConfiguration<PatentLapse>
{
    public void Configure(EntityTypeBuilder<PatentLapse> builder)
    {
        builder.ToTable("patent_lapses");
        builder.HasKey(f => f.PatentId);
        builder.HasIndex(f => f.LapsedOn);
    }
}

internal sealed class TechnologyContractRegistrationConfiguration : IEntityTypeConfiguration<TechnologyContractRegistration>
{
    public void Configure(EntityTypeBuilder<TechnologyContractRegistration> builder)
    {
        builder.ToTable("technology_contract_registrations");
        builder.HasKey(f => f.ContractId);
        builder.HasIndex(f => f.SignedOn);
    }
}

internal sealed class AchievementRegistrationConfiguration : IEntityTypeConfiguration<AchievementRegistration>
{
    public void Configure(EntityTypeBuilder<AchievementRegistration> builder)
    {
        builder.ToTable("achievement_registrations");
        builder.HasKey(f => f.AchievementId);
        builder.HasIndex(f => f.RegisteredOn);
    }
}
