using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Queries;

/// <summary>
/// A figure of the year's baseline, or a ratio of its figures; county-wide only. A year whose baseline was not
/// entered has no value (null): nothing is known about it, unlike a flow with no events.
/// </summary>
public sealed class BaselineQuery(Func<Baseline, decimal?> figure) : IIndicatorQuery
{
    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var baselines = await db.Baselines.AsNoTracking()
            .Where(b => b.Year >= years.From && b.Year <= years.To)
            .ToDictionaryAsync(b => b.Year, cancellationToken);
        return years.Years
            .Select(year => new YearValue(year, baselines.TryGetValue(year, out var baseline) ? figure(baseline) : null))
            .ToList();
    }
}
