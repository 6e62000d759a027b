using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.Talent;

/// <summary>
/// The talent area: experts, 科技特派员 commissioners, demonstration bases and households, trainings (人才).
/// Its service's events are not consumed yet: every indicator answers null (数据来源尚未接入), never a made-up 0.
/// </summary>
public sealed class TalentArea : IReportingArea
{
    public IEnumerable<Indicator> Indicators =>
    [
        Indicator.CountyWide(
            new("experts_introduced", "柔性引进专家人才数", "Experts introduced on flexible terms", "名", IndicatorKind.Flow,
                "experts introduced in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("commissioners_dispatched", "选派科技特派员数", "S&T commissioners dispatched", "名", IndicatorKind.Flow,
                "commissioners dispatched in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("commissioners_active", "在岗科技特派员数", "S&T commissioners in post", "名", IndicatorKind.Stock,
                "commissioners dispatched on or before end(Y) and not departed on or before end(Y)"),
            SourceNotConnectedQuery.Instance),
        Indicator.CountyWide(
            new("commissioner_turnover", "科技特派员年流失率", "Annual turnover rate of S&T commissioners", "%", IndicatorKind.Ratio,
                "departures in Y / commissioners in post on Y-01-01 × 100"
                + " (in post: dispatched before Y-01-01, not departed before Y-01-01)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("demo_bases", "科技示范基地数", "S&T demonstration bases", "个", IndicatorKind.Stock,
                "bases certified on or before end(Y)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("demo_households", "科技示范户数", "S&T demonstration households", "户", IndicatorKind.Stock,
                "households certified on or before end(Y)"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("training_sessions", "科技培训期数", "S&T training sessions held", "期", IndicatorKind.Flow,
                "Σ sessions of trainings held in Y"),
            SourceNotConnectedQuery.Instance),
        Indicator.ByTownship(
            new("training_participants", "科技培训人次", "S&T training participants (person-times)", "人次", IndicatorKind.Flow,
                "Σ participants of trainings held in Y"),
            SourceNotConnectedQuery.Instance),
    ];
}
