namespace CountyTech.Reporting.Domain;

/// <summary>
/// The arithmetic of INDICATORS.md, exact in <see cref="decimal"/> and in the order the formulas are written.
/// A missing input gives null, never a made-up 0; rounding is for presentation only.
/// </summary>
public static class IndicatorMath
{
    /// <summary>
    /// <c>numerator / denominator × scale</c>, computed as <c>numerator × scale / denominator</c> so that the one
    /// rounding is the division's, to 28 significant digits (dividing first loses the digits the scale shifts in,
    /// 1 / 3 × 100 = 33.33…330); null when either input is null or the denominator is 0, and also when the quotient
    /// lies beyond <see cref="decimal"/> (about 7.9 × 10^28), which only a denominator next to 0 gives (a change from a
    /// near-zero year): no figure can show it, and one reader's data must not fail every reader's request.
    /// </summary>
    public static decimal? Ratio(decimal? numerator, decimal? denominator, decimal scale)
    {
        if (numerator is not { } n || denominator is not { } d || d == 0)
        {
            return null;
        }

        try
        {
            return n * scale / d;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary><c>numerator / denominator × 100</c>, with the null rules of <see cref="Ratio"/>.</summary>
    public static decimal? Percent(decimal? numerator, decimal? denominator) => Ratio(numerator, denominator, 100);

    /// <summary>
    /// 同比增长率: <c>(value − previousValue) / previousValue × 100</c>; null when either is null or previousValue is 0.
    /// </summary>
    public static decimal? YearOverYearChangePercent(decimal? value, decimal? previousValue) =>
        value is { } v && previousValue is { } p ? Percent(v - p, p) : null;
}
