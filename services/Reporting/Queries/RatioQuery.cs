using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.Queries;

/// <summary>
/// A ratio (比率) of two indicator queries, year by year: <c>numerator / denominator × scale</c> with the null rules
/// of <see cref="IndicatorMath.Ratio"/> (null when either is null or the denominator is 0). Serves the ratio of two
/// sums (two flows), a stock per baseline figure, and a flow per the stock at the start of the year.
/// </summary>
public sealed class RatioQuery(IIndicatorQuery numerator, IIndicatorQuery denominator, decimal scale) : IIndicatorQuery
{
    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var numerators = await numerator.CountyAsync(db, years, cancellationToken);
        var denominators = await denominator.CountyAsync(db, years, cancellationToken);
        return numerators.Zip(denominators, (n, d) => new YearValue(n.Year, IndicatorMath.Ratio(n.Value, d.Value, scale))).ToList();
    }

    public IEnumerable<FlowQuery> Flows => numerator.Flows.Concat(denominator.Flows);

    public IEnumerable<SubjectMeasure> Measures(ReportingDbContext db) => numerator.Measures(db).Concat(denominator.Measures(db));
}

/// <summary>
/// A query's values one year earlier, labelled with the year after: the stock at <c>end(Y−1)</c> is the stock on
/// <c>Y-01-01</c> (in post on Jan 1 = dispatched before it and not departed before it).
/// </summary>
public sealed class StartOfYearQuery(IIndicatorQuery stock) : IIndicatorQuery
{
    public async Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken)
    {
        var yearBefore = await stock.CountyAsync(db, new YearRange(years.From - 1, years.To - 1), cancellationToken);
        return yearBefore.Select(v => new YearValue(v.Year + 1, v.Value)).ToList();
    }

    public IEnumerable<FlowQuery> Flows => stock.Flows;

    public IEnumerable<SubjectMeasure> Measures(ReportingDbContext db) => stock.Measures(db);
}
