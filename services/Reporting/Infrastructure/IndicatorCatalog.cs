using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// The county-wide indicators (统计指标) of INDICATORS.md that Reporting computes, in its order: one entry each, with
/// the query that computes it. Years are always those of business dates, never of processing.
/// </summary>
public static class IndicatorCatalog
{
    public static readonly IReadOnlyList<Indicator> All =
    [
        FromBaseline("rd_expenditure", "全社会R&D经费支出", "Gross expenditure on R&D", "万元", IndicatorKind.Flow,
            "rdExpenditureWan of the baseline of Y",
            b => b.RdExpenditureWan),
        FromBaseline("rd_intensity", "R&D经费投入强度", "R&D intensity (R&D expenditure / GDP)", "%", IndicatorKind.Ratio,
            "rdExpenditureWan / gdpWan × 100 (baseline of Y)",
            b => IndicatorMath.Percent(b.RdExpenditureWan, b.GdpWan)),
        FromBaseline("fiscal_st_share", "财政科技支出占一般公共预算支出比重",
            "Fiscal S&T expenditure as a share of general public budget expenditure", "%", IndicatorKind.Ratio,
            "fiscalScienceExpenditureWan / generalBudgetExpenditureWan × 100 (baseline of Y)",
            b => IndicatorMath.Percent(b.FiscalScienceExpenditureWan, b.GeneralBudgetExpenditureWan)),
        Flow("upper_projects", "争取上级科技项目数", "S&T projects won at national, provincial or municipal level", "项",
            "count of projects with approvedOn in Y and level national, provincial or municipal",
            db => db.ProjectApprovals
                .Where(a => a.Level == ProjectLevel.National || a.Level == ProjectLevel.Provincial || a.Level == ProjectLevel.Municipal)
                .Select(a => new FlowEntry { On = a.ApprovedOn, Township = a.Township, Amount = 1 })),
        Flow("upper_funding", "争取上级科技资金", "S&T funding won at national, provincial or municipal level", "万元",
            "Σ fundingWan of projects with approvedOn in Y and level national, provincial or municipal",
            db => db.ProjectApprovals
                .Where(a => a.Level == ProjectLevel.National || a.Level == ProjectLevel.Provincial || a.Level == ProjectLevel.Municipal)
                .Select(a => new FlowEntry { On = a.ApprovedOn, Township = a.Township, Amount = a.FundingWan })),
        Flow("county_projects", "县级科技计划立项数", "County S&T plan projects approved", "项",
            "count of projects with approvedOn in Y and level county",
            db => db.ProjectApprovals
                .Where(a => a.Level == ProjectLevel.County)
                .Select(a => new FlowEntry { On = a.ApprovedOn, Township = a.Township, Amount = 1 })),
        Flow("projects_accepted", "科技项目验收数", "S&T projects passing acceptance", "项",
            "count of projects with acceptedOn in Y and passed",
            db => db.ProjectAcceptances
                .Where(a => a.Passed)
                .Select(a => new FlowEntry { On = a.AcceptedOn, Township = a.Township, Amount = 1 })),
        Flow("varieties_introduced", "引进新品种数", "New crop varieties introduced", "个",
            "count of project outcomes of kind variety with recordedOn in Y",
            db => db.ProjectOutcomes
                .Where(o => o.Kind == OutcomeKind.Variety)
                .Select(o => new FlowEntry { On = o.RecordedOn, Township = o.Township, Amount = 1 })),
        Flow("techniques_promoted", "推广先进适用技术数", "Advanced applicable techniques promoted", "项",
            "count of project outcomes of kind technique with recordedOn in Y",
            db => db.ProjectOutcomes
                .Where(o => o.Kind == OutcomeKind.Technique)
                .Select(o => new FlowEntry { On = o.RecordedOn, Township = o.Township, Amount = 1 })),
    ];

    private static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Definition.Code, StringComparer.Ordinal);

    public static Indicator? Find(string code) => ByCode.GetValueOrDefault(code);

    private static Indicator Flow(
        string code, string nameZh, string nameEn, string unit, string formula, Func<ReportingDbContext, IQueryable<FlowEntry>> entries) =>
        new(new IndicatorDefinition(code, nameZh, nameEn, unit, IndicatorKind.Flow, formula), new FlowQuery(entries));

    private static Indicator FromBaseline(
        string code, string nameZh, string nameEn, string unit, IndicatorKind kind, string formula, Func<Baseline, decimal?> figure) =>
        new(new IndicatorDefinition(code, nameZh, nameEn, unit, kind, formula), new BaselineQuery(figure));
}
