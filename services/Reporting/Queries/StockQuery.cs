using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Queries;

/// <summary>
/// A fact row as a stock sees it: the subject it is about and the interval in which it is in the stock, from
/// <see cref="From"/> (included) until <see cref="Until"/> (excluded; null while nothing ended it): a certificate from
/// its issue until it expires or is revoked, whichever is first; a commissioner from dispatch until departure. Set
/// <see cref="Until"/> to null explicitly for records nothing ends (an R&amp;D centre), so the query can test it.
/// </summary>
public sealed class IntervalEntry
{
    public required Guid Subject { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly? Until { get; init; }

    public string? Township { get; init; }
}

/// <summary>
/// A stock (存量) at <c>end(Y)</c>: the distinct subjects whose interval holds Y-12-31, i.e.
/// <c>From ≤ end(Y) &lt; Until</c>, so a revocation, departure or lapse dated on or before 12-31 takes the subject out
/// of that year's stock and an entry from 12-31 puts it in. In years: an interval holds the ends of the years from
/// <c>From</c>'s to the one before <c>Until</c>'s; a subject's intervals merged give the years it is in the stock, and it
/// contributes +1 in the year it enters and −1 in the year it leaves. The database keeps those contributions and their
/// totals per year (and township) in the transaction of every write to the fact tables (<see cref="SubjectTotals"/>), so
/// the stock at <c>end(Y)</c> is the sum of its totals up to Y: a handful of rows per year however many facts there are.
/// </summary>
public sealed class StockQuery(Func<ReportingDbContext, IQueryable<IntervalEntry>> entries) : ITownshipIndicatorQuery
{
    private (SubjectMeasure County, SubjectMeasure ByTownship)? _measures;

    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var changes = await Until(db, Measured(db).County, years)
            .GroupBy(t => t.Year)
            .Select(g => new { Year = g.Key, Change = g.Sum(t => t.Value) })
            .ToListAsync(cancellationToken);
        return years.Years.Select(year => new YearValue(year, changes.Where(c => c.Year <= year).Sum(c => c.Change))).ToList();
    }

    public async Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var changes = await Until(db, Measured(db).ByTownship, years)
            .Select(t => new { t.Township, t.Year, t.Value })
            .ToListAsync(cancellationToken);
        var values = changes
            .GroupBy(c => c.Township)
            .SelectMany(township => years.Years.Select(year =>
                new TownshipYearValue(township.Key, year, township.Where(c => c.Year <= year).Sum(c => c.Value))))
            .Where(v => v.Value > 0);
        return TownshipSeries.From(years, values);
    }

    public IEnumerable<SubjectMeasure> Measures(ReportingDbContext db) => [Measured(db).County, Measured(db).ByTownship];

    /// <summary>Every change up to the range's last year (the stock at its first year's end sums all before it).</summary>
    private static IQueryable<SubjectTotal> Until(ReportingDbContext db, SubjectMeasure measure, YearRange years) =>
        db.Set<SubjectTotal>().Where(t => t.Measure == measure.Measure && t.Year <= years.To && t.Value != 0);

    private (SubjectMeasure County, SubjectMeasure ByTownship) Measured(ReportingDbContext db) =>
        _measures ??= (Measure(db, byTownship: false), Measure(db, byTownship: true));

    /// <summary>
    /// Each subject's (county-wide, or per township) intervals as ranges of years <c>[year(From), year(Until))</c>, merged
    /// (<c>range_agg</c>; an interval nothing ends may come as an untyped NULL, hence the cast): +1 at each merged range's first year, −1 at the year after its last (none while it is open).
    /// </summary>
    private SubjectMeasure Measure(ReportingDbContext db, bool byTownship)
    {
        var township = byTownship ? "coalesce(e.township, '')" : "''";
        return SubjectMeasure.Of(db,
            entries(db).Select(e => new
            {
                e.Subject, e.Township, From = e.From.Year,
                Until = e.Until == null ? (int?)null : Math.Max(e.From.Year, e.Until.Value.Year),
            }).ToQueryString(),
            "subject, township, from_year, until_year",
            subjectEntries =>
                "SELECT s.subject, s.township, y.year, sum(y.value) AS value FROM " +
                $"(SELECT e.subject, {township} AS township, range_agg(int4range(e.from_year, e.until_year::int)) AS held FROM {subjectEntries} AS e GROUP BY 1, 2) AS s " +
                "CROSS JOIN LATERAL unnest(s.held) AS r(years) " +
                "CROSS JOIN LATERAL (VALUES (lower(r.years), 1), (upper(r.years), -1)) AS y(year, value) " +
                "WHERE y.year IS NOT NULL GROUP BY 1, 2, 3");
    }
}
