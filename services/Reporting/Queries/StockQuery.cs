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
/// of that year's stock and an entry from 12-31 puts it in. One SQL COUNT DISTINCT per year of the range.
/// </summary>
public sealed class StockQuery(Func<ReportingDbContext, IQueryable<IntervalEntry>> entries) : ITownshipIndicatorQuery
{
    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var values = new List<YearValue>();
        foreach (var year in years.Years)
        {
            var count = await InStock(db, year).Select(e => e.Subject).Distinct().CountAsync(cancellationToken);
            values.Add(new YearValue(year, count));
        }

        return values;
    }

    public async Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var values = new List<TownshipYearValue>();
        foreach (var year in years.Years)
        {
            var counts = await InStock(db, year)
                .GroupBy(e => e.Township)
                .Select(g => new { Township = g.Key, Count = g.Select(e => e.Subject).Distinct().Count() })
                .ToListAsync(cancellationToken);
            values.AddRange(counts.Select(c => new TownshipYearValue(c.Township!, year, c.Count)));
        }

        return TownshipSeries.From(years, values);
    }

    private IQueryable<IntervalEntry> InStock(ReportingDbContext db, int year)
    {
        var endOfYear = new DateOnly(year, 12, 31);
        return entries(db).Where(e => e.From <= endOfYear && (e.Until == null || e.Until > endOfYear));
    }
}
