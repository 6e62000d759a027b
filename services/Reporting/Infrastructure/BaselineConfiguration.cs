using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CountyTech.Reporting.Infrastructure;

internal sealed class BaselineConfiguration : IEntityTypeConfiguration<Baseline>
{
    public void Configure(EntityTypeBuilder<Baseline> builder)
    {
        builder.HasKey(b => b.Year);
        builder.Property(b => b.Year).ValueGeneratedNever();
    }
}
