using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.IntellectualProperty;

/// <summary>
/// The intellectual-property area: patents, technology contracts, registered achievements (知识产权与成果转化): the
/// Intellectual Property service's events and its eight indicators.
/// </summary>
public sealed class IntellectualPropertyArea : IReportingArea
{
    public void Consume(ReportedEvents events) => events
        .Consume<PatentFiled, IntellectualPropertyProjections>()
        .Consume<PatentGranted, IntellectualPropertyProjections>()
        .Consume<PatentRejected, IntellectualPropertyProjections>()
        .Consume<PatentLapsed, IntellectualPropertyProjections>()
        .Consume<TechnologyContractRegistered, IntellectualPropertyProjections>()
        .Consume<AchievementRegistered, IntellectualPropertyProjections>();

    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.ByTownship(
            new("patent_applications", "专利申请量", "Patent applications filed", "件", IndicatorKind.Flow,
                "patents filed in Y (all types)"),
            new FlowQuery(db => db.Set<PatentFiling>()
                .Select(f => new FlowEntry { On = f.FiledOn, Township = f.Township, Amount = 1 }))),
        Indicator.ByTownship(
            new("invention_applications", "发明专利申请量", "Invention patent applications filed", "件", IndicatorKind.Flow,
                "invention patents filed in Y"),
            new FlowQuery(db => db.Set<PatentFiling>()
                .Where(f => f.Type == PatentType.Invention)
                .Select(f => new FlowEntry { On = f.FiledOn, Township = f.Township, Amount = 1 }))),
        Indicator.ByTownship(
            new("patent_grants", "专利授权量", "Patents granted", "件", IndicatorKind.Flow,
                "patents granted in Y (all types)"),
            new FlowQuery(db => db.Set<PatentGrant>()
                .Select(g => new FlowEntry { On = g.GrantedOn, Township = g.Township, Amount = 1 }))),
        Indicator.ByTownship(
            new("invention_grants", "发明专利授权量", "Invention patents granted", "件", IndicatorKind.Flow,
                "invention patents granted in Y"),
            new FlowQuery(db => db.Set<PatentGrant>()
                .Where(g => g.Type == PatentType.Invention)
                .Select(g => new FlowEntry { On = g.GrantedOn, Township = g.Township, Amount = 1 }))),
        Indicator.CountyWide(
            new("invention_patents_per_10k", "每万人口发明专利拥有量",
                "Invention patents in force per 10,000 people", "件/万人", IndicatorKind.Ratio,
                "invention patents granted on or before end(Y) and not lapsed on or before end(Y), / baseline population × 10,000"),
            new RatioQuery(new StockQuery(InventionPatentsInForce), new BaselineQuery(b => b.Population), 10_000)),
        Indicator.CountyWide(
            new("tech_contracts", "技术合同登记数", "Technology contracts registered", "项", IndicatorKind.Flow,
                "technology contracts signed in Y"),
            new FlowQuery(db => db.Set<TechnologyContractRegistration>()
                .Select(c => new FlowEntry { On = c.SignedOn, Township = null, Amount = 1 }))),
        Indicator.CountyWide(
            new("tech_contract_turnover", "技术合同成交额", "Technology contract turnover", "万元", IndicatorKind.Flow,
                "Σ amountWan of contracts signed in Y"),
            new FlowQuery(db => db.Set<TechnologyContractRegistration>()
                .Select(c => new FlowEntry { On = c.SignedOn, Township = null, Amount = c.AmountWan }))),
        Indicator.CountyWide(
            new("achievements_registered", "科技成果登记数", "S&T achievements registered", "项", IndicatorKind.Flow,
                "achievements registered in Y"),
            new FlowQuery(db => db.Set<AchievementRegistration>()
                .Select(a => new FlowEntry { On = a.RegisteredOn, Township = null, Amount = 1 }))),
    ];

    /// <summary>
    /// Invention patents in force (有效发明专利): from the grant until the lapse. A lapse carries its grant date, so a
    /// lapsed patent's interval comes from its lapse alone, and a granted one without a lapse is in force from its grant
    /// on: the same intervals whichever of the two events arrived first.
    /// </summary>
    private static IQueryable<IntervalEntry> InventionPatentsInForce(ReportingDbContext db) =>
        db.Set<PatentGrant>()
            .Where(g => g.Type == PatentType.Invention && !db.Set<PatentLapse>().Any(l => l.PatentId == g.PatentId))
            .Select(g => new IntervalEntry { Subject = g.PatentId, From = g.GrantedOn, Until = null, Township = g.Township })
            .Concat(db.Set<PatentLapse>()
                .Where(l => l.Type == PatentType.Invention)
                .Select(l => new IntervalEntry { Subject = l.PatentId, From = l.GrantedOn, Until = l.LapsedOn, Township = l.Township }));
}
