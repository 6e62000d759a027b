namespace CountyTech.Reporting.Domain;

/// <summary>An indicator for a year, beside its value for the year before and the change (同比) in %.</summary>
public sealed record IndicatorValue(
    string Code, string NameZh, string NameEn, string Unit, IndicatorKind Kind, decimal? Value, decimal? PreviousValue,
    decimal? YoyChangePercent, string Formula)
{
    public static IndicatorValue From(IndicatorDefinition d, decimal? value, decimal? previousValue) =>
        new(d.Code, d.NameZh, d.NameEn, d.Unit, d.Kind, value, previousValue,
            IndicatorMath.YearOverYearChangePercent(value, previousValue), d.Formula);
}
