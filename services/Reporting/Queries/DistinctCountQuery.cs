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
/// so an enterprise certified twice in a year counts once. Read from its <see cref="SubjectTotal"/> rows, which the
/// database keeps in the transaction of every write to the fact table (<see cref="SubjectTotals"/>): each subject
/// contributes 1 to each year (and, for the breakdown, township and year) in which it has an entry, so a year costs a
/// handful of rows however many facts it holds. A year without entries is a real 0, as for a flow.
/// </summary>
public sealed class DistinctCountQuery(Func<ReportingDbContext, IQueryable<SubjectEntry>> entries) : ITownshipIndicatorQuery
{
    private (SubjectMeasure County, SubjectMeasure ByTownship)? _measures;

    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var counts = await Within(db, Measured(db).County, years)
            .GroupBy(t => t.Year)
            .Select(g => new { Year = g.Key, Count = g.Sum(t => t.Value) })
            .ToDictionaryAsync(c => c.Year, c => (decimal)c.Count, cancellationToken);
        return years.EveryYear(counts);
    }

    public async Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var counts = await Within(db, Measured(db).ByTownship, years)
            .Where(t => t.Value > 0)
            .Select(t => new { t.Township, t.Year, t.Value })
            .ToListAsync(cancellationToken);
        return TownshipSeries.From(years, counts.Select(c => new TownshipYearValue(c.Township, c.Year, c.Value)));
    }

    public IEnumerable<SubjectMeasure> Measures(ReportingDbContext db) => [Measured(db).County, Measured(db).ByTownship];

    private static IQueryable<SubjectTotal> Within(ReportingDbContext db, SubjectMeasure measure, YearRange years) =>
        db.Set<SubjectTotal>().Where(t => t.Measure == measure.Measure && t.Year >= years.From && t.Year <= years.To);

    private (SubjectMeasure County, SubjectMeasure ByTownship) Measured(ReportingDbContext db) =>
        _measures ??= (Measure(db, byTownship: false), Measure(db, byTownship: true));

    /// <summary>Each subject's 1 per year (county-wide) or per township and year in which it has an entry.</summary>
    private SubjectMeasure Measure(ReportingDbContext db, bool byTownship)
    {
        var township = byTownship ? "coalesce(e.township, '')" : "''";
        return SubjectMeasure.Of(db,
            entries(db).Select(e => new { e.Subject, e.Township, e.On.Year }).ToQueryString(),
            "subject, township, year",
            subjectEntries => $"SELECT e.subject, {township} AS township, e.year, 1 AS value FROM {subjectEntries} AS e GROUP BY 1, 2, 3");
    }
}
