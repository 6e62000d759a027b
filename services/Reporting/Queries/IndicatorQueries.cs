using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;

namespace CountyTech.Reporting.Queries;

/// <summary>The SQL behind an indicator: its county-wide value for each year of a range.</summary>
public interface IIndicatorQuery
{
    /// <summary>One value per year of <paramref name="years"/>, in order; null where an input is missing.</summary>
    Task<IReadOnlyList<YearValue>> CountyAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken);

    /// <summary>The flows it reads, whose totals the database maintains (<see cref="FlowTotals"/>).</summary>
    IEnumerable<FlowQuery> Flows => [];

    /// <summary>The distinct counts and stocks it reads, whose totals the database maintains (<see cref="SubjectTotals"/>).</summary>
    IEnumerable<SubjectMeasure> Measures(ReportingDbContext db) => [];
}

/// <summary>An indicator whose source records carry a township (乡镇), so it also breaks down by township.</summary>
public interface ITownshipIndicatorQuery : IIndicatorQuery
{
    /// <summary>One series per township that has records in <paramref name="years"/>, ordered by township.</summary>
    Task<IReadOnlyList<TownshipSeries>> ByTownshipAsync(ReportingDbContext db, YearRange years, CancellationToken cancellationToken);
}

/// <summary>
/// An indicator of the catalog: what it is, the query that computes it, and its breakdown by township where
/// INDICATORS.md has one (flows and stocks whose source records carry a township); null for county-wide ones.
/// </summary>
public sealed record Indicator(IndicatorDefinition Definition, IIndicatorQuery Query, ITownshipIndicatorQuery? Townships)
{
    /// <summary>An indicator with a series per township: a flow or stock of records that carry one.</summary>
    public static Indicator ByTownship(IndicatorDefinition definition, ITownshipIndicatorQuery query) => new(definition, query, query);

    /// <summary>An indicator for the county as a whole: a ratio, a baseline figure, or records without a township.</summary>
    public static Indicator CountyWide(IndicatorDefinition definition, IIndicatorQuery query) => new(definition, query, null);
}
