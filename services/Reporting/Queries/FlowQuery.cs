using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Queries;

/// <summary>
/// A fact row as a flow sees it: its business date, its township (null for records without one), and what it adds
/// (1 to count it, an amount to sum it).
/// </summary>
public sealed class FlowEntry
{
    public required DateOnly On { get; init; }

    public string? Township { get; init; }

    public required decimal Amount { get; init; }
}

/// <summary>
/// A flow (流量): Σ <see cref="FlowEntry.Amount"/> over the entries whose business date falls in the year, in one
/// grouped SQL query for the whole range.
/// </summary>
public sealed class FlowQuery(Func<ReportingDbContext, IQueryable<FlowEntry>> entries) : ITownshipIndicatorQuery
{
    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var sums = await Within(db, years)
            .GroupBy(e => e.On.Year)
            .Select(g => new { Year = g.Key, Value = g.Sum(e => e.Amount) })
            .ToDictionaryAsync(s => s.Year, s => s.Value, cancellationToken);
        return years.EveryYear(sums);
    }

    public async Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(
        ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var sums = await Within(db, years)
            .GroupBy(e => new { e.Township, e.On.Year })
            .Select(g => new TownshipYearValue(g.Key.Township!, g.Key.Year, g.Sum(e => e.Amount)))
            .ToListAsync(cancellationToken);
        return TownshipSeries.From(years, sums);
    }

    private IQueryable<FlowEntry> Within(ReportingDbContext db, YearRange years) =>
        entries(db).Where(e => e.On >= years.FirstDay && e.On <= years.LastDay);
}
