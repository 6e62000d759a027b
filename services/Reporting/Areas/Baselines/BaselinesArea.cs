using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.Baselines;

/// <summary>
/// The figures of the statistics and finance bureaus (基础数据), entered by hand through <c>/baselines/{year}</c>:
/// no event feeds them. County-wide; a year without a baseline has no value.
/// </summary>
public sealed class BaselinesArea : IReportingArea
{
    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.CountyWide(
            new("rd_expenditure", "全社会R&D经费支出", "Gross expenditure on R&D", "万元", IndicatorKind.Flow,
                "rdExpenditureWan of the baseline of Y"),
            new BaselineQuery(b => b.RdExpenditureWan)),
        Indicator.CountyWide(
            new("rd_intensity", "R&D经费投入强度", "R&D intensity (R&D expenditure / GDP)", "%", IndicatorKind.Ratio,
                "rdExpenditureWan / gdpWan × 100 (baseline of Y)"),
            new BaselineQuery(b => IndicatorMath.Percent(b.RdExpenditureWan, b.GdpWan))),
        Indicator.CountyWide(
            new("fiscal_st_share", "财政科技支出占一般公共预算支出比重",
                "Fiscal S&T expenditure as a share of general public budget expenditure", "%", IndicatorKind.Ratio,
                "fiscalScienceExpenditureWan / generalBudgetExpenditureWan × 100 (baseline of Y)"),
            new BaselineQuery(b => IndicatorMath.Percent(b.FiscalScienceExpenditureWan, b.GeneralBudgetExpenditureWan))),
    ];
}
