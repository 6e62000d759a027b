using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Queries;

/// <summary>
/// An indicator whose area (enterprises, talent, intellectual property) has no service in this deployment yet: its
/// data source is not connected (数据来源尚未接入). Reporting consumes no event of that area, so none can have arrived
/// and nothing is known: every year is null, never a made-up 0 (unlike a flow of a connected area, where a year without
/// records is a real 0), and no township has a series. When the area's service arrives, the catalog entry's query is
/// replaced by a real one.
/// </summary>
public sealed class SourceNotConnectedQuery : ITownshipIndicatorQuery
{
    public static readonly SourceNotConnectedQuery Instance = new();

    private SourceNotConnectedQuery()
    {
    }

    public Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<YearValue>>(years.Years.Select(year => new YearValue(year, null)).ToList());

    public Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TownshipSeries>>([]);
}
