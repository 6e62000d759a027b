using CountyTech.Contracts.Enterprises;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.Contracts.Projects;
using CountyTech.Contracts.Talent;
using CountyTech.Reporting.Areas.Baselines;
using CountyTech.Reporting.Areas.Enterprises;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Apis;

/// <summary>
/// The examples of the Reporting document (示例), all in one place: the county's 2025 baseline, the indicators it feeds
/// and the count of high-tech enterprises by township, each with the catalog's own definition, and the event log's status
/// after a rebuild.
/// </summary>
public static class ReportingExamples
{
    private const int Year = 2025;
    private static readonly DateTimeOffset AsOf = new(2026, 12, 2, 1, 30, 0, TimeSpan.Zero);

    private static readonly BaselineResponse Baseline = new(Year, 600_000m, 186_500, 330_000m, 4_620m, 3_900m, new DateTimeOffset(2026, 4, 20, 2, 0, 0, TimeSpan.Zero));

    private static readonly IndicatorDefinition[] Definitions =
        [.. new BaselinesArea().Indicators.Concat(new EnterprisesArea().Indicators).Select(i => i.Definition)];

    private static IndicatorDefinition Definition(string code) => Definitions.Single(d => d.Code == code);

    private static readonly IndicatorValue[] Indicators =
    [
        IndicatorValue.From(Definition("rd_expenditure"), Baseline.RdExpenditureWan, 3_120m),
        IndicatorValue.From(Definition("rd_intensity"), IndicatorMath.Percent(Baseline.RdExpenditureWan, Baseline.GdpWan), 0.52m),
        IndicatorValue.From(Definition("fiscal_st_share"),
            IndicatorMath.Percent(Baseline.FiscalScienceExpenditureWan, Baseline.GeneralBudgetExpenditureWan), 1.2m),
        IndicatorValue.From(Definition("high_tech_enterprises"), 15m, 12m),
    ];

    private static readonly IndicatorSeries[] HighTechByTownship =
    [
        new("乔庄镇", [new(2023, 6m), new(2024, 7m), new(Year, 8m)]),
        new("木鱼镇", [new(2023, 2m), new(2024, 3m), new(Year, 4m)]),
        new("青溪镇", [new(2023, 1m), new(2024, 2m), new(Year, 3m)]),
    ];

    private static readonly ReplayedEvents[] Replayed =
    [
        Events<EnterpriseRegistered>(128), Events<HighTechEnterpriseCertified>(19), Events<PatentGranted>(86),
        Events<ProjectApproved>(42), Events<CommissionerServiceLogged>(260),
    ];

    private static readonly RebuildProgress Rebuild = new(
        RebuildState.Completed, new DateTimeOffset(2026, 12, 1, 18, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 18, 0, 41, TimeSpan.Zero),
        Replayed.Sum(e => e.Events), Replayed.Sum(e => e.Events), Replayed.Sum(e => e.Events), 0, Replayed, null);

    private static readonly SourceStatus[] Sources =
    [
        .. Replayed.GroupBy(e => e.Source).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SourceStatus(g.Key, g.Sum(e => e.Events), new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero))),
    ];

    public static readonly IReadOnlyDictionary<Type, object> All = new Dictionary<Type, object>
    {
        [typeof(BaselineRequest)] = new BaselineRequest(
            Baseline.GdpWan, Baseline.Population, Baseline.GeneralBudgetExpenditureWan, Baseline.FiscalScienceExpenditureWan, Baseline.RdExpenditureWan),
        [typeof(BaselineResponse)] = Baseline,
        [typeof(IndicatorsResponse)] = new IndicatorsResponse(Year, AsOf, Indicators),
        [typeof(IndicatorValue)] = Indicators[1],
        [typeof(IndicatorSeriesResponse)] = SeriesOf(Definition("high_tech_enterprises")),
        [typeof(IndicatorSeries)] = HighTechByTownship[0],
        [typeof(YearValue)] = HighTechByTownship[0].Points[^1],
        [typeof(ReportingStatus)] = new ReportingStatus(
            Sources.Sum(s => s.EventsProcessed), new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero), 0.84, Sources, Rebuild),
        [typeof(SourceStatus)] = Sources[0],
        [typeof(RebuildProgress)] = Rebuild,
        [typeof(ReplayedEvents)] = Replayed[0],
    };

    private static ReplayedEvents Events<T>(int count) => new(typeof(T).FullName!, ReportedEvent.SourceOf(typeof(T)), count);

    private static IndicatorSeriesResponse SeriesOf(IndicatorDefinition d) =>
        new(d.Code, d.NameZh, d.NameEn, d.Unit, d.Kind, d.Formula, 2023, Year, "township", HighTechByTownship);
}
