using CountyTech.Talent.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Talent.Infrastructure;

/// <summary>Column sizes shared by the talent tables (the request validation uses the same limits).</summary>
internal static class TalentColumns
{
    public const int Text = 200;
    public const int Place = 50;
    public const int Reason = 1000;
}

internal sealed class ExpertConfiguration : IEntityTypeConfiguration<Expert>
{
    public void Configure(EntityTypeBuilder<Expert> expert)
    {
        expert.ToTable("expert");
        expert.HasKey(e => e.Id);
        expert.Property(e => e.Name).HasMaxLength(TalentColumns.Text);
        expert.Property(e => e.Institution).HasMaxLength(TalentColumns.Text);
        expert.Property(e => e.Field).HasMaxLength(TalentColumns.Text);
        expert.HasIndex(e => e.IntroducedOn);
    }
}

internal sealed class CommissionerConfiguration : IEntityTypeConfiguration<Commissioner>
{
    public void Configure(EntityTypeBuilder<Commissioner> commissioner)
    {
        commissioner.ToTable("commissioner");
        commissioner.HasKey(c => c.Id);
        commissioner.Property(c => c.Name).HasMaxLength(TalentColumns.Text);
        commissioner.Property(c => c.Specialty).HasMaxLength(TalentColumns.Text);
        commissioner.Property(c => c.Township).HasMaxLength(TalentColumns.Place);
        commissioner.Property(c => c.Village).HasMaxLength(TalentColumns.Place);
        commissioner.Property(c => c.DispatchingUnit).HasMaxLength(TalentColumns.Text);
        commissioner.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        commissioner.Property(c => c.DepartureReason).HasMaxLength(TalentColumns.Reason);
        // A log or a departure written concurrently with another is refused (409), so the day-count rules hold.
        commissioner.Property<uint>("xmin").IsRowVersion();
        commissioner.HasIndex(c => new { c.Township, c.Status });
        commissioner.HasIndex(c => c.DispatchedOn);

        commissioner.OwnsMany(c => c.ServiceLogs, log =>
        {
            log.ToTable("service_log");
            log.WithOwner().HasForeignKey("CommissionerId");
            log.HasKey(l => l.Id);
            log.Property(l => l.Id).ValueGeneratedNever();
            log.HasIndex("CommissionerId", nameof(ServiceLog.ServedOn));
        });
        commissioner.Navigation(c => c.ServiceLogs).HasField("_serviceLogs");
    }
}

internal sealed class DemonstrationBaseConfiguration : IEntityTypeConfiguration<DemonstrationBase>
{
    public void Configure(EntityTypeBuilder<DemonstrationBase> demonstrationBase)
    {
        demonstrationBase.ToTable("demonstration_base");
        demonstrationBase.HasKey(b => b.Id);
        demonstrationBase.Property(b => b.Name).HasMaxLength(TalentColumns.Text);
        demonstrationBase.Property(b => b.Township).HasMaxLength(TalentColumns.Place);
        demonstrationBase.Property(b => b.Industry).HasMaxLength(TalentColumns.Text);
        demonstrationBase.Property(b => b.AreaMu).HasColumnType("numeric(14,2)");
        demonstrationBase.HasIndex(b => new { b.Township, b.Name }).IsUnique();
        demonstrationBase.HasIndex(b => b.CertifiedOn);
    }
}

internal sealed class DemonstrationHouseholdConfiguration : IEntityTypeConfiguration<DemonstrationHousehold>
{
    public void Configure(EntityTypeBuilder<DemonstrationHousehold> household)
    {
        household.ToTable("demonstration_household");
        household.HasKey(h => h.Id);
        household.Property(h => h.Name).HasMaxLength(TalentColumns.Text);
        household.Property(h => h.Township).HasMaxLength(TalentColumns.Place);
        household.HasOne<Commissioner>().WithMany().HasForeignKey(h => h.CommissionerId).OnDelete(DeleteBehavior.Restrict);
        household.HasIndex(h => new { h.Township, h.CertifiedOn });
    }
}

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> training)
    {
        training.ToTable("training");
        training.HasKey(t => t.Id);
        training.Property(t => t.Title).HasMaxLength(TalentColumns.Text);
        training.Property(t => t.Township).HasMaxLength(TalentColumns.Place);
        training.HasIndex(t => new { t.Township, t.HeldOn });
    }
}
