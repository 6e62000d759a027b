using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Apis;

/// <summary>Every indicator for a year; <see cref="AsOf"/> is when the values were read.</summary>
public sealed record IndicatorsResponse(int Year, DateTimeOffset AsOf, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>An indicator for a year, beside its value for the year before and the change (同比) in %.</summary>
public sealed record IndicatorValue(
    string Code, string NameZh, string NameEn, string Unit, IndicatorKind Kind, decimal? Value, decimal? PreviousValue,
    decimal? YoyChangePercent, string Formula)
{
    public static IndicatorValue From(IndicatorDefinition d, decimal? value, decimal? previousValue) =>
        new(d.Code, d.NameZh, d.NameEn, d.Unit, d.Kind, value, previousValue,
            IndicatorMath.YearOverYearChangePercent(value, previousValue), d.Formula);
}

/// <summary>
/// An indicator year by year: one series for the county (<see cref="By"/> <c>county</c>, township null), or one per
/// township with records in the range (<see cref="By"/> <c>township</c>).
/// </summary>
public sealed record IndicatorSeriesResponse(
    string Code, string NameZh, string NameEn, string Unit, IndicatorKind Kind, string Formula, int From, int To, string By,
    IReadOnlyList<IndicatorSeries> Series);

public sealed record IndicatorSeries(string? Township, IReadOnlyList<YearValue> Points);
