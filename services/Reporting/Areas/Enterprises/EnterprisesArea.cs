using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.Enterprises;

/// <summary>
/// The innovation enterprises area: high-tech certificates, tech SMEs, R&amp;D centres, cooperations, annual figures (创新主体).
/// Its service's events are not consumed yet: every indicator answers null (数据来源尚未接入), never a made-up 0.
/// </summary>
public sealed class EnterprisesArea : IReportingArea
{
    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.CountyWide(
            new("enterprise_rd_intensity", "规上企业研发经费占营业收入比重",
                "R&D expenditure of enterprises above designated size as a share of their revenue", "%", IndicatorKind.Ratio,
                "Σ rdExpenseWan / Σ revenueWan over annual reports of year Y of enterprises with aboveDesignatedSize × 100"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("high_tech_enterprises", "有效高新技术企业数", "High-tech enterprises holding a valid certificate", "家", IndicatorKind.Stock,
                "distinct enterprises holding a certificate with issuedOn ≤ end(Y) < issuedOn + 3 years not revoked on or before end(Y)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("high_tech_certified", "当年认定高新技术企业数", "Enterprises certified high-tech in the year", "家", IndicatorKind.Flow,
                "distinct enterprises with a certificate issued in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("tech_smes", "科技型中小企业入库数", "Technology-based SMEs registered", "家", IndicatorKind.Flow,
                "distinct enterprises with a registration whose year = Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("rd_centres", "企业研发机构数", "Enterprise R&D centres", "个", IndicatorKind.Stock,
                "R&D centres recognised on or before end(Y)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("cooperations", "产学研合作项目数", "Industry-university-research cooperation agreements", "项", IndicatorKind.Flow,
                "cooperation agreements signed in Y"),
            SourceNotConnectedQuery.Instance),
    ];
}
