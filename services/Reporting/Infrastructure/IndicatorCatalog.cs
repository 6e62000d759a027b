using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// Every county-wide indicator (统计指标) of INDICATORS.md, in its order: one entry each, with the query that computes
/// it. Years are always those of business dates, never of processing. The indicators of areas whose service is not in
/// this deployment yet (enterprises, talent, intellectual property) are listed with <see cref="SourceNotConnectedQuery"/>
/// and answer null; when an area's service arrives, its entries get real queries and nothing else changes.
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
        NotConnected("enterprise_rd_intensity", "规上企业研发经费占营业收入比重",
            "R&D expenditure of enterprises above designated size as a share of their revenue", "%", IndicatorKind.Ratio,
            "Σ rdExpenseWan / Σ revenueWan over annual reports of year Y of enterprises with aboveDesignatedSize × 100",
            byTownship: false),
        NotConnected("high_tech_enterprises", "有效高新技术企业数", "High-tech enterprises holding a valid certificate", "家", IndicatorKind.Stock,
            "distinct enterprises holding a certificate with issuedOn ≤ end(Y) < issuedOn + 3 years not revoked on or before end(Y)",
            byTownship: true),
        NotConnected("high_tech_certified", "当年认定高新技术企业数", "Enterprises certified high-tech in the year", "家", IndicatorKind.Flow,
            "distinct enterprises with a certificate issued in Y",
            byTownship: true),
        NotConnected("tech_smes", "科技型中小企业入库数", "Technology-based SMEs registered", "家", IndicatorKind.Flow,
            "distinct enterprises with a registration whose year = Y",
            byTownship: true),
        NotConnected("rd_centres", "企业研发机构数", "Enterprise R&D centres", "个", IndicatorKind.Stock,
            "R&D centres recognised on or before end(Y)",
            byTownship: true),
        NotConnected("cooperations", "产学研合作项目数", "Industry-university-research cooperation agreements", "项", IndicatorKind.Flow,
            "cooperation agreements signed in Y",
            byTownship: true),
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
        NotConnected("experts_introduced", "柔性引进专家人才数", "Experts introduced on flexible terms", "名", IndicatorKind.Flow,
            "experts introduced in Y",
            byTownship: false),
        NotConnected("commissioners_dispatched", "选派科技特派员数", "S&T commissioners dispatched", "名", IndicatorKind.Flow,
            "commissioners dispatched in Y",
            byTownship: true),
        NotConnected("commissioners_active", "在岗科技特派员数", "S&T commissioners in post", "名", IndicatorKind.Stock,
            "commissioners dispatched on or before end(Y) and not departed on or before end(Y)",
            byTownship: true),
        NotConnected("commissioner_turnover", "科技特派员年流失率", "Annual turnover rate of S&T commissioners", "%", IndicatorKind.Ratio,
            "departures in Y / commissioners in post on Y-01-01 × 100"
            + " (in post: dispatched before Y-01-01, not departed before Y-01-01)",
            byTownship: false),
        NotConnected("demo_bases", "科技示范基地数", "S&T demonstration bases", "个", IndicatorKind.Stock,
            "bases certified on or before end(Y)",
            byTownship: true),
        NotConnected("demo_households", "科技示范户数", "S&T demonstration households", "户", IndicatorKind.Stock,
            "households certified on or before end(Y)",
            byTownship: true),
        NotConnected("training_sessions", "科技培训期数", "S&T training sessions held", "期", IndicatorKind.Flow,
            "Σ sessions of trainings held in Y",
            byTownship: true),
        NotConnected("training_participants", "科技培训人次", "S&T training participants (person-times)", "人次", IndicatorKind.Flow,
            "Σ participants of trainings held in Y",
            byTownship: true),
        NotConnected("patent_applications", "专利申请量", "Patent applications filed", "件", IndicatorKind.Flow,
            "patents filed in Y (all types)",
            byTownship: true),
        NotConnected("invention_applications", "发明专利申请量", "Invention patent applications filed", "件", IndicatorKind.Flow,
            "invention patents filed in Y",
            byTownship: true),
        NotConnected("patent_grants", "专利授权量", "Patents granted", "件", IndicatorKind.Flow,
            "patents granted in Y (all types)",
            byTownship: true),
        NotConnected("invention_grants", "发明专利授权量", "Invention patents granted", "件", IndicatorKind.Flow,
            "invention patents granted in Y",
            byTownship: true),
        NotConnected("invention_patents_per_10k", "每万人口发明专利拥有量",
            "Invention patents in force per 10,000 people", "件/万人", IndicatorKind.Ratio,
            "invention patents granted on or before end(Y) and not lapsed on or before end(Y), / baseline population × 10,000",
            byTownship: false),
        NotConnected("tech_contracts", "技术合同登记数", "Technology contracts registered", "项", IndicatorKind.Flow,
            "technology contracts signed in Y",
            byTownship: false),
        NotConnected("tech_contract_turnover", "技术合同成交额", "Technology contract turnover", "万元", IndicatorKind.Flow,
            "Σ amountWan of contracts signed in Y",
            byTownship: false),
        NotConnected("achievements_registered", "科技成果登记数", "S&T achievements registered", "项", IndicatorKind.Flow,
            "achievements registered in Y",
            byTownship: false),
    ];

    private static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Definition.Code, StringComparer.Ordinal);

    public static Indicator? Find(string code) => ByCode.GetValueOrDefault(code);

    private static Indicator Flow(
        string code, string nameZh, string nameEn, string unit, string formula, Func<ReportingDbContext, IQueryable<FlowEntry>> entries)
    {
        var query = new FlowQuery(entries);
        return new(new IndicatorDefinition(code, nameZh, nameEn, unit, IndicatorKind.Flow, formula), query, Townships: query);
    }

    private static Indicator FromBaseline(
        string code, string nameZh, string nameEn, string unit, IndicatorKind kind, string formula, Func<Baseline, decimal?> figure) =>
        new(new IndicatorDefinition(code, nameZh, nameEn, unit, kind, formula), new BaselineQuery(figure), Townships: null);

    /// <summary>
    /// An indicator of an area not connected yet. <paramref name="byTownship"/> as INDICATORS.md says: flows and stocks
    /// whose source record has a township (an enterprise's, a commissioner's, a base's, a patent's…); experts,
    /// technology contracts and achievements are recorded without one, and ratios are county-wide.
    /// </summary>
    private static Indicator NotConnected(
        string code, string nameZh, string nameEn, string unit, IndicatorKind kind, string formula, bool byTownship) =>
        new(new IndicatorDefinition(code, nameZh, nameEn, unit, kind, formula), SourceNotConnectedQuery.Instance,
            byTownship ? SourceNotConnectedQuery.Instance : null);
}
