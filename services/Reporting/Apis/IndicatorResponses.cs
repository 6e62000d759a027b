using CountyTech.Reporting.Domain;
using MiniExcelLibs.Attributes;

namespace CountyTech.Reporting.Apis;

/// <summary>Every indicator for a year; <see cref="AsOf"/> is when the values were read.</summary>
public sealed record IndicatorsResponse(int Year, DateTimeOffset AsOf, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>
/// An indicator year by year: one series for the county (<see cref="By"/> <c>county</c>, township null), or one per
/// township with records in the range (<see cref="By"/> <c>township</c>).
/// </summary>
public sealed record IndicatorSeriesResponse(
    string Code, string NameZh, string NameEn, string Unit, IndicatorKind Kind, string Formula, int From, int To, string By,
    IReadOnlyList<IndicatorSeries> Series);

public sealed record IndicatorSeries(string? Township, IReadOnlyList<YearValue> Points);

/// <summary>
/// One indicator of a year as a row of the indicators spreadsheet, under Chinese headers; a missing value is an empty
/// cell, never 0.
/// </summary>
public sealed record IndicatorSpreadsheetRow(
    [property: ExcelColumnName("指标代码")] string Code,
    [property: ExcelColumnName("指标名称")] string NameZh,
    [property: ExcelColumnName("单位")] string Unit,
    [property: ExcelColumnName("本年值")] decimal? Value,
    [property: ExcelColumnName("上年值")] decimal? PreviousValue,
    [property: ExcelColumnName("同比增减（%）")] decimal? YoyChangePercent,
    [property: ExcelColumnName("计算口径")] string Formula)
{
    public static IndicatorSpreadsheetRow From(IndicatorValue i) =>
        new(i.Code, i.NameZh, i.Unit, i.Value, i.PreviousValue, i.YoyChangePercent, i.Formula);
}
