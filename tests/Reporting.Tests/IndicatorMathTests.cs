using System.Globalization;
using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Tests;

public sealed class IndicatorMathTests
{
    [Theory]
    [InlineData("18750", "1250000", "1.5")]
    [InlineData("9000", "360000", "2.5")]
    [InlineData("125.5", "1000", "12.55")]
    public void Percent_is_numerator_over_denominator_times_100_exactly(string numerator, string denominator, string expected) =>
        Assert.Equal(Parse(expected), IndicatorMath.Percent(Parse(numerator), Parse(denominator)));

    [Theory]
    [InlineData(null, "100")]
    [InlineData("5", null)]
    [InlineData(null, null)]
    [InlineData("5", "0")]
    public void A_ratio_with_a_missing_input_or_a_zero_denominator_is_null(string? numerator, string? denominator) =>
        Assert.Null(IndicatorMath.Percent(Parse(numerator), Parse(denominator)));

    [Theory]
    [InlineData("250", "200000", "12.5")]
    [InlineData("2", "3", "6666.6666666666666666666666667")]
    public void Ratio_scales_per_ten_thousand(string numerator, string denominator, string expected) =>
        Assert.Equal(Parse(expected), IndicatorMath.Ratio(Parse(numerator), Parse(denominator), 10_000));

    [Theory]
    [InlineData("1", "3", "33.333333333333333333333333333")]
    [InlineData("2", "3", "66.666666666666666666666666667")]
    [InlineData("1", "7", "14.285714285714285714285714286")]
    public void A_repeating_quotient_keeps_every_digit_the_scale_shifts_in(string numerator, string denominator, string expected) =>
        Assert.Equal(Parse(expected), IndicatorMath.Percent(Parse(numerator), Parse(denominator)));

    [Theory]
    [InlineData("2", "1", "100")]
    [InlineData("150.75", "50", "201.5")]
    [InlineData("1.5", "1.25", "20")]
    [InlineData("3", "4", "-25")]
    [InlineData("7", "7", "0")]
    [InlineData("1", "3", "-66.666666666666666666666666667")]
    public void Year_over_year_change_is_the_difference_over_the_previous_value_in_percent(string value, string previous, string expected) =>
        Assert.Equal(Parse(expected), IndicatorMath.YearOverYearChangePercent(Parse(value), Parse(previous)));

    [Theory]
    [InlineData("3", "0")]
    [InlineData("0", "0")]
    [InlineData(null, "2")]
    [InlineData("2", null)]
    [InlineData(null, null)]
    public void Year_over_year_change_is_null_when_either_value_is_null_or_the_previous_is_0(string? value, string? previous) =>
        Assert.Null(IndicatorMath.YearOverYearChangePercent(Parse(value), Parse(previous)));

    [Fact]
    public void A_fall_to_zero_is_minus_100_percent() =>
        Assert.Equal(-100m, IndicatorMath.YearOverYearChangePercent(0, 8));

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);
}
