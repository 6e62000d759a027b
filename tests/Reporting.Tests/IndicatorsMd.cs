using CountyTech.Reporting.Domain;

namespace CountyTech.Reporting.Tests;

/// <summary>
/// The table of INDICATORS.md, written out by hand (the tests parse nothing from the shared docs): every code in its
/// order, with its Chinese name, unit and kind, and whether it has series by township.
/// </summary>
public static class IndicatorsMd
{
    public static readonly IReadOnlyList<Row> Rows =
    [
        new("rd_expenditure", "全社会R&D经费支出", "万元", IndicatorKind.Flow, ByTownship: false),
        new("rd_intensity", "R&D经费投入强度", "%", IndicatorKind.Ratio, ByTownship: false),
        new("fiscal_st_share", "财政科技支出占一般公共预算支出比重", "%", IndicatorKind.Ratio, ByTownship: false),
        new("enterprise_rd_intensity", "规上企业研发经费占营业收入比重", "%", IndicatorKind.Ratio, ByTownship: false),
        new("high_tech_enterprises", "有效高新技术企业数", "家", IndicatorKind.Stock, ByTownship: true),
        new("high_tech_certified", "当年认定高新技术企业数", "家", IndicatorKind.Flow, ByTownship: true),
        new("tech_smes", "科技型中小企业入库数", "家", IndicatorKind.Flow, ByTownship: true),
        new("rd_centres", "企业研发机构数", "个", IndicatorKind.Stock, ByTownship: true),
        new("cooperations", "产学研合作项目数", "项", IndicatorKind.Flow, ByTownship: true),
        new("upper_projects", "争取上级科技项目数", "项", IndicatorKind.Flow, ByTownship: true),
        new("upper_funding", "争取上级科技资金", "万元", IndicatorKind.Flow, ByTownship: true),
        new("county_projects", "县级科技计划立项数", "项", IndicatorKind.Flow, ByTownship: true),
        new("projects_accepted", "科技项目验收数", "项", IndicatorKind.Flow, ByTownship: true),
        new("varieties_introduced", "引进新品种数", "个", IndicatorKind.Flow, ByTownship: true),
        new("techniques_promoted", "推广先进适用技术数", "项", IndicatorKind.Flow, ByTownship: true),
        new("experts_introduced", "柔性引进专家人才数", "名", IndicatorKind.Flow, ByTownship: false),
        new("commissioners_dispatched", "选派科技特派员数", "名", IndicatorKind.Flow, ByTownship: true),
        new("commissioners_active", "在岗科技特派员数", "名", IndicatorKind.Stock, ByTownship: true),
        new("commissioner_turnover", "科技特派员年流失率", "%", IndicatorKind.Ratio, ByTownship: false),
        new("demo_bases", "科技示范基地数", "个", IndicatorKind.Stock, ByTownship: true),
        new("demo_households", "科技示范户数", "户", IndicatorKind.Stock, ByTownship: true),
        new("training_sessions", "科技培训期数", "期", IndicatorKind.Flow, ByTownship: true),
        new("training_participants", "科技培训人次", "人次", IndicatorKind.Flow, ByTownship: true),
        new("patent_applications", "专利申请量", "件", IndicatorKind.Flow, ByTownship: true),
        new("invention_applications", "发明专利申请量", "件", IndicatorKind.Flow, ByTownship: true),
        new("patent_grants", "专利授权量", "件", IndicatorKind.Flow, ByTownship: true),
        new("invention_grants", "发明专利授权量", "件", IndicatorKind.Flow, ByTownship: true),
        new("invention_patents_per_10k", "每万人口发明专利拥有量", "件/万人", IndicatorKind.Ratio, ByTownship: false),
        new("tech_contracts", "技术合同登记数", "项", IndicatorKind.Flow, ByTownship: false),
        new("tech_contract_turnover", "技术合同成交额", "万元", IndicatorKind.Flow, ByTownship: false),
        new("achievements_registered", "科技成果登记数", "项", IndicatorKind.Flow, ByTownship: false),
    ];

    public static IEnumerable<string> Codes => Rows.Select(r => r.Code);

    public static TheoryData<string> EveryCode => new(Codes);

    public static Row Of(string code) => Rows.Single(r => r.Code == code);

    public sealed record Row(string Code, string NameZh, string Unit, IndicatorKind Kind, bool ByTownship);
}
