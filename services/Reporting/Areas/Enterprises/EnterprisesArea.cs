using CountyTech.Contracts.Enterprises;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.Enterprises;

/// <summary>
/// The innovation enterprises area (创新主体): the Enterprises service's events and the six enterprise indicators —
/// high-tech certificates, tech SMEs, R&amp;D centres, cooperations, and the R&amp;D intensity of 规上企业.
/// </summary>
public sealed class EnterprisesArea : IReportingArea
{
    public void Consume(ReportedEvents events) => events
        .Consume<EnterpriseRegistered, EnterpriseProjections>()
        .Consume<HighTechEnterpriseCertified, EnterpriseProjections>()
        .Consume<HighTechCertificateRevoked, EnterpriseProjections>()
        .Consume<TechSmeRegistered, EnterpriseProjections>()
        .Consume<RdCentreRecognised, EnterpriseProjections>()
        .Consume<CooperationSigned, EnterpriseProjections>()
        .Consume<AnnualFiguresReported, EnterpriseProjections>();

    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.CountyWide(
            new("enterprise_rd_intensity", "规上企业研发经费占营业收入比重",
                "R&D expenditure of enterprises above designated size as a share of their revenue", "%", IndicatorKind.Ratio,
                "Σ rdExpenseWan / Σ revenueWan over annual reports of year Y of enterprises with aboveDesignatedSize × 100"),
            // Two sums over the same reports (dated Jan 1 of their year); a year without reports of 规上企业 sums to 0
            // revenue, which makes the ratio null, not a made-up 0.
            new RatioQuery(
                new FlowQuery(db => db.Set<AnnualFigures>().Where(f => f.AboveDesignatedSize)
                    .Select(f => new FlowEntry { On = new DateOnly(f.Year, 1, 1), Township = f.Township, Amount = f.RdExpenseWan })),
                new FlowQuery(db => db.Set<AnnualFigures>().Where(f => f.AboveDesignatedSize)
                    .Select(f => new FlowEntry { On = new DateOnly(f.Year, 1, 1), Township = f.Township, Amount = f.RevenueWan })),
                100m)),
        Indicator.ByTownship(
            new("high_tech_enterprises", "有效高新技术企业数", "High-tech enterprises holding a valid certificate", "家", IndicatorKind.Stock,
                "distinct enterprises holding a certificate with issuedOn ≤ end(Y) < issuedOn + 3 years not revoked on or before end(Y)"),
            new StockQuery(db => db.Set<HighTechCertificate>().Select(c => new IntervalEntry
            {
                Subject = c.EnterpriseId,
                From = c.IssuedOn,
                Until = c.RevokedOn != null && c.RevokedOn < c.ExpiresOn ? c.RevokedOn : c.ExpiresOn,
                Township = c.Township,
            }))),
        Indicator.ByTownship(
            new("high_tech_certified", "当年认定高新技术企业数", "Enterprises certified high-tech in the year", "家", IndicatorKind.Flow,
                "distinct enterprises with a certificate issued in Y"),
            new DistinctCountQuery(db => db.Set<HighTechCertificate>().Select(c => new SubjectEntry
            {
                Subject = c.EnterpriseId, On = c.IssuedOn, Township = c.Township,
            }))),
        Indicator.ByTownship(
            new("tech_smes", "科技型中小企业入库数", "Technology-based SMEs registered", "家", IndicatorKind.Flow,
                "distinct enterprises with a registration whose year = Y"),
            new DistinctCountQuery(db => db.Set<TechSmeRegistration>().Select(r => new SubjectEntry
            {
                Subject = r.EnterpriseId, On = new DateOnly(r.Year, 1, 1), Township = r.Township,
            }))),
        Indicator.ByTownship(
            new("rd_centres", "企业研发机构数", "Enterprise R&D centres", "个", IndicatorKind.Stock,
                "R&D centres recognised on or before end(Y)"),
            new StockQuery(db => db.Set<RdCentre>().Select(c => new IntervalEntry
            {
                Subject = c.CentreId, From = c.RecognisedOn, Until = null, Township = c.Township,
            }))),
        Indicator.ByTownship(
            new("cooperations", "产学研合作项目数", "Industry-university-research cooperation agreements", "项", IndicatorKind.Flow,
                "cooperation agreements signed in Y"),
            new FlowQuery(db => db.Set<Cooperation>().Select(c => new FlowEntry { On = c.SignedOn, Township = c.Township, Amount = 1 }))),
    ];
}
