using CountyTech.Contracts.Talent;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.Talent;

/// <summary>
/// The talent area (人才): the Talent service's events and the eight talent indicators. A commissioner is in post from
/// the dispatch until the departure: one who leaves on 12-31 is not in post at the end of that year, one dispatched on
/// 01-01 is in post at its end but not on its 01-01. Turnover divides the year's departures by those in post on 01-01
/// (the stock at the end of the year before) and is null when nobody was.
/// </summary>
public sealed class TalentArea : IReportingArea
{
    public void Consume(ReportedEvents events) => events
        .Consume<ExpertIntroduced, TalentProjections>()
        .Consume<CommissionerDispatched, TalentProjections>()
        .Consume<CommissionerServiceLogged, TalentProjections>()
        .Consume<CommissionerDeparted, TalentProjections>()
        .Consume<DemonstrationBaseCertified, TalentProjections>()
        .Consume<DemonstrationHouseholdCertified, TalentProjections>()
        .Consume<TrainingHeld, TalentProjections>();

    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.CountyWide(
            new("experts_introduced", "柔性引进专家人才数", "Experts introduced on flexible terms", "名", IndicatorKind.Flow,
                "experts introduced in Y"),
            new FlowQuery(db => db.Set<ExpertIntroduction>()
                .Select(e => new FlowEntry { On = e.IntroducedOn, Township = null, Amount = 1 }))),
        Indicator.ByTownship(
            new("commissioners_dispatched", "选派科技特派员数", "S&T commissioners dispatched", "名", IndicatorKind.Flow,
                "commissioners dispatched in Y"),
            new FlowQuery(db => db.Set<CommissionerDispatch>()
                .Select(c => new FlowEntry { On = c.DispatchedOn, Township = c.Township, Amount = 1 }))),
        Indicator.ByTownship(
            new("commissioners_active", "在岗科技特派员数", "S&T commissioners in post", "名", IndicatorKind.Stock,
                "commissioners dispatched on or before end(Y) and not departed on or before end(Y)"),
            CommissionersInPost),
        Indicator.CountyWide(
            new("commissioner_turnover", "科技特派员年流失率", "Annual turnover rate of S&T commissioners", "%", IndicatorKind.Ratio,
                "departures in Y / commissioners in post on Y-01-01 × 100"
                + " (in post: dispatched before Y-01-01, not departed before Y-01-01)"),
            new RatioQuery(Departures, new StartOfYearQuery(CommissionersInPost), 100)),
        Indicator.ByTownship(
            new("demo_bases", "科技示范基地数", "S&T demonstration bases", "个", IndicatorKind.Stock,
                "bases certified on or before end(Y)"),
            new StockQuery(db => db.Set<DemonstrationBaseCertification>()
                .Select(b => new IntervalEntry { Subject = b.BaseId, From = b.CertifiedOn, Until = null, Township = b.Township }))),
        Indicator.ByTownship(
            new("demo_households", "科技示范户数", "S&T demonstration households", "户", IndicatorKind.Stock,
                "households certified on or before end(Y)"),
            new StockQuery(db => db.Set<DemonstrationHouseholdCertification>()
                .Select(h => new IntervalEntry { Subject = h.HouseholdId, From = h.CertifiedOn, Until = null, Township = h.Township }))),
        Indicator.ByTownship(
            new("training_sessions", "科技培训期数", "S&T training sessions held", "期", IndicatorKind.Flow,
                "Σ sessions of trainings held in Y"),
            new FlowQuery(db => db.Set<Training>()
                .Select(t => new FlowEntry { On = t.HeldOn, Township = t.Township, Amount = t.Sessions }))),
        Indicator.ByTownship(
            new("training_participants", "科技培训人次", "S&T training participants (person-times)", "人次", IndicatorKind.Flow,
                "Σ participants of trainings held in Y"),
            new FlowQuery(db => db.Set<Training>()
                .Select(t => new FlowEntry { On = t.HeldOn, Township = t.Township, Amount = t.Participants }))),
    ];

    /// <summary>
    /// Commissioners in post at <c>end(Y)</c>: in the stock from the dispatch until the departure (excluded), if any.
    /// </summary>
    private static readonly StockQuery CommissionersInPost = new(db =>
        from dispatch in db.Set<CommissionerDispatch>()
        join departure in db.Set<CommissionerDeparture>() on dispatch.CommissionerId equals departure.CommissionerId into departures
        from departure in departures.DefaultIfEmpty()
        select new IntervalEntry
        {
            Subject = dispatch.CommissionerId,
            From = dispatch.DispatchedOn,
            Until = departure == null ? null : departure.LeftOn,
            Township = dispatch.Township,
        });

    /// <summary>Departures dated in Y, whenever the commissioner was dispatched.</summary>
    private static readonly FlowQuery Departures = new(db => db.Set<CommissionerDeparture>()
        .Select(d => new FlowEntry { On = d.LeftOn, Township = d.Township, Amount = 1 }));
}
