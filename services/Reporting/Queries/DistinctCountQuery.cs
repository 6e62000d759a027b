using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Queries;

/// <summary>A fact row as a distinct count sees it: the subject it is about (an enterprise), its date and township.</summary>
public sealed class SubjectEntry
{
    public required Guid Subject { get; init; }

    public required DateOnly On { get; init; }

    public string? Township { get; init; }
}

/// <summary>
/// A distinct count in a year (当年…家数): the number of different subjects with at least one entry dated in the year,
/// so an enterprise certified twice in a year counts once. One grouped SQL query (COUNT DISTINCT) for the whole range;
/// a year without entries is a real 0, as for a flow.
/// </summary>
public sealed class DistinctCountQuery(Func<ReportingDbContext, IQueryable<SubjectEntry>> entries) : ITownshipIndicatorQuery
{
    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var counts = await Within(db, years)
            .GroupBy(e => e.On.Year)
            .Select(g => new { Year = g.Key, Count = g.Select(e => e.Subject).Distinct().Count() })
            .ToDictionaryAsync(c => c.Year, c => (decimal)c.Count, cancellationToken);
        return years.EveryYear(counts);
    }

    public async Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var counts = await Within(db, years)
            .GroupBy(e => new { e.Township, e.On.Year })
            .Select(g => new { g.Key.Township, g.Key.Year, Count = g.Select(e => e.Subject).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return TownshipSeries.From(years, counts.Select(c => new TownshipYearValue(c.Township!, c.Year, c.Count)));
    }

    private IQueryable<SubjectEntry> Within(ReportingDbContext db, YearRange years) =>
        entries(db).Where(e => e.On >= years.FirstDay && e.On <= years.LastDay);
}
