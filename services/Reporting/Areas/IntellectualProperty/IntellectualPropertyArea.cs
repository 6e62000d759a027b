using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.IntellectualProperty;

/// <summary>
/// The intellectual-property area: patents, technology contracts, registered achievements (知识产权与成果转化).
/// Its service's events are not consumed yet: every indicator answers null (数据来源尚未接入), never a made-up 0.
/// </summary>
public sealed class IntellectualPropertyArea : IReportingArea
{
    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.ByTownship(
            new("patent_applications", "专利申请量", "Patent applications filed", "件", IndicatorKind.Flow,
                "patents filed in Y (all types)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("invention_applications", "发明专利申请量", "Invention patent applications filed", "件", IndicatorKind.Flow,
                "invention patents filed in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("patent_grants", "专利授权量", "Patents granted", "件", IndicatorKind.Flow,
                "patents granted in Y (all types)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("invention_grants", "发明专利授权量", "Invention patents granted", "件", IndicatorKind.Flow,
                "invention patents granted in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.CountyWide(
            new("invention_patents_per_10k", "每万人口发明专利拥有量",
                "Invention patents in force per 10,000 people", "件/万人", IndicatorKind.Ratio,
                "invention patents granted on or before end(Y) and not lapsed on or before end(Y), / baseline population × 10,000"),
            SourceNotConnectedQuery.Instance),
        Indicator.CountyWide(
            new("tech_contracts", "技术合同登记数", "Technology contracts registered", "项", IndicatorKind.Flow,
                "technology contracts signed in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.CountyWide(
            new("tech_contract_turnover", "技术合同成交额", "Technology contract turnover", "万元", IndicatorKind.Flow,
                "Σ amountWan of contracts signed in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.CountyWide(
            new("achievements_registered", "科技成果登记数", "S&T achievements registered", "项", IndicatorKind.Flow,
                "achievements registered in Y"),
            SourceNotConnectedQuery.Instance),
    ];
}
