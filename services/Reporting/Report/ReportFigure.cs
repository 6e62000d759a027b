using System.Globalization;
using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Report;

/// <summary>
/// An indicator as the annual report (工作汇报) writes it: its value rounded for presentation (INDICATORS.md: 2 decimals
/// for % and per-10k figures, integers for counts, amounts in 万元 to at most 2 decimals), with its unit, the change on
/// the year before in words, and the sentence for a figure nobody has reported. A missing value is never written as 0
/// or <c>*</c>: every property that would show it says <see cref="NotReported"/> instead. The templates read these
/// properties in snake case (<c>{{ upper_funding.figure }}</c>).
/// </summary>
public sealed class ReportFigure
{
    /// <summary>What the report says where a figure has not been reported (no baseline entered, no data from an area).</summary>
    public const string NotReported = "尚未报送";

    private const string Amount = "万元";

    private ReportFigure(IndicatorValue indicator)
    {
        Code = indicator.Code;
        Name = indicator.NameZh;
        Unit = indicator.Unit;
        Formula = indicator.Formula;
        Known = indicator.Value is not null;
        Value = Format(indicator.Value, indicator.Kind, indicator.Unit);
        Previous = Format(indicator.PreviousValue, indicator.Kind, indicator.Unit);
        Figure = Known ? Value + Unit : NotReported;
        PreviousFigure = indicator.PreviousValue is null ? NotReported : Previous + Unit;
        Missing = indicator.NameZh + NotReported;
        Change = indicator.YoyChangePercent switch
        {
            null => "",
            > 0 and var up => $"同比增长{Percent(up)}%",
            < 0 and var down => $"同比下降{Percent(-down)}%",
            _ => "与上年持平",
        };
        Yoy = Change.Length == 0 ? "" : "，" + Change;
        ChangePercent = indicator.YoyChangePercent is { } change ? Percent(change) + "%" : "—";
    }

    public string Code { get; }

    /// <summary>中文名, as INDICATORS.md names it.</summary>
    public string Name { get; }

    public string Unit { get; }

    public string Formula { get; }

    /// <summary>Whether the year's value is known; the template's <c>{% if x.known %}</c>.</summary>
    public bool Known { get; }

    /// <summary>The year's value without unit (<c>150.75</c>), or <see cref="NotReported"/>.</summary>
    public string Value { get; }

    /// <summary>The year's value with its unit (<c>150.75万元</c>), or <see cref="NotReported"/>.</summary>
    public string Figure { get; }

    /// <summary>The year before's value without unit, or <see cref="NotReported"/>.</summary>
    public string Previous { get; }

    /// <summary>The year before's value with its unit, or <see cref="NotReported"/>.</summary>
    public string PreviousFigure { get; }

    /// <summary><c>同比增长25.00%</c>, <c>同比下降14.75%</c>, <c>与上年持平</c>, or empty where there is no comparison.</summary>
    public string Change { get; }

    /// <summary><see cref="Change"/> as a clause to append (<c>，同比增长25.00%</c>), or empty.</summary>
    public string Yoy { get; }

    /// <summary>The change for a table cell: <c>25.00%</c>, <c>-14.75%</c>, or <c>—</c> where there is no comparison.</summary>
    public string ChangePercent { get; }

    /// <summary>The sentence for a figure not reported: <c>R&amp;D经费投入强度尚未报送</c>.</summary>
    public string Missing { get; }

    public static ReportFigure From(IndicatorValue indicator) => new(indicator);

    /// <summary>The value as the report shows it, rounded half away from zero (四舍五入), or <see cref="NotReported"/>.</summary>
    public static string Format(decimal? value, IndicatorKind kind, string unit)
    {
        if (value is not { } v)
        {
            return NotReported;
        }

        var (digits, pattern) = unit == Amount ? (2, "0.##") : kind == IndicatorKind.Ratio ? (2, "0.00") : (0, "0");
        return Math.Round(v, digits, MidpointRounding.AwayFromZero).ToString(pattern, CultureInfo.InvariantCulture);
    }

    private static string Percent(decimal change) =>
        Math.Round(change, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);
}
