namespace CountyTech.Reporting.Domain;

/// <summary>
/// What a county-wide indicator (统计指标) is, as INDICATORS.md defines it: its code, its names, its unit, its kind
/// and the formula in words, shown to the reader beside the value.
/// </summary>
public sealed record IndicatorDefinition(string Code, string NameZh, string NameEn, string Unit, IndicatorKind Kind, string Formula);
