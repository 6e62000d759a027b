using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas;

/// <summary>
/// Every county-wide indicator (统计指标) of the registered areas, in INDICATORS.md order, each with the query that
/// computes it. Years are always those of business dates, never of processing.
/// </summary>
public sealed class IndicatorCatalog
{
    private readonly Dictionary<string, Indicator> _byCode;

    public IndicatorCatalog(IReadOnlyList<Indicator> indicators)
    {
        All = indicators;
        _byCode = indicators.ToDictionary(i => i.Definition.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<Indicator> All { get; }

    public Indicator? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>Every flow the indicators read, whose totals the database maintains (<see cref="FlowTotals"/>).</summary>
    public IReadOnlyList<FlowQuery> Flows => [.. All.SelectMany(i => i.Query.Flows).Distinct()];

    /// <summary>Every distinct count and stock the indicators read, whose totals the database maintains (<see cref="SubjectTotals"/>).</summary>
    public IReadOnlyList<SubjectMeasure> Measures(ReportingDbContext db) => [.. All.SelectMany(i => i.Query.Measures(db)).DistinctBy(m => m.Measure)];

    /// <summary>
    /// Every indicator for <paramref name="year"/> in catalog order, with its value for the year before and the change
    /// in %: what <c>/indicators?year=</c>, its spreadsheet and the annual report all show.
    /// </summary>
    public async Task<IReadOnlyList<IndicatorValue>> ValuesAsync(ReportingDbContext db, int year, CancellationToken cancellationToken)
    {
        var values = new List<IndicatorValue>(All.Count);
        foreach (var indicator in All)
        {
            var twoYears = await indicator.Query.CountyAsync(db, new YearRange(year - 1, year), cancellationToken);
            values.Add(IndicatorValue.From(indicator.Definition, twoYears[1].Value, twoYears[0].Value));
        }

        return values;
    }
}
