using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>A fact row as a flow sees it: its business date, its township, and what it adds (1 to count it).</summary>
public sealed class FlowEntry
{
    public required DateOnly On { get; init; }

    public required string Township { get; init; }

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
        return EveryYear(years, sums);
    }

    public async Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(
        ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var sums = await Within(db, years)
            .GroupBy(e => new { e.Township, e.On.Year })
            .Select(g => new { g.Key.Township, g.Key.Year, Value = g.Sum(e => e.Amount) })
            .ToListAsync(cancellationToken);
        return sums
            .GroupBy(s => s.Township)
            .OrderBy(township => township.Key, StringComparer.Ordinal)
            .Select(township => new TownshipSeries(township.Key, EveryYear(years, township.ToDictionary(s => s.Year, s => s.Value))))
            .ToList();
    }

    private IQueryable<FlowEntry> Within(ReportingDbContext db, YearRange years) =>
        entries(db).Where(e => e.On >= years.FirstDay && e.On <= years.LastDay);

    /// <summary>
    /// A year with no entry is a real 0, not a missing value: the source of a flow is a service that publishes every
    /// such record as it happens, so a year without one is a year in which none happened.
    /// </summary>
    private static List<YearValue> EveryYear(YearRange years, Dictionary<int, decimal> sums) =>
        years.Years.Select(year => new YearValue(year, sums.GetValueOrDefault(year))).ToList();
}
