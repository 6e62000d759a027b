using CountyTech.Contracts.Projects;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.IntegrationEvents;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas.Projects;

/// <summary>The projects area (科技项目): the Projects service's events and the six project indicators.</summary>
public sealed class ProjectsArea : IReportingArea
{
    public void Consume(ReportedEvents events) => events
        .Consume<ProjectSubmitted, ProjectProjections>()
        .Consume<ProjectApproved, ProjectProjections>()
        .Consume<ProjectRejected, ProjectProjections>()
        .Consume<ProjectFundsDisbursed, ProjectProjections>()
        .Consume<ProjectOutcomeRecorded, ProjectProjections>()
        .Consume<ProjectAccepted, ProjectProjections>();

    public IEnumerable<Indicator> Indicators =>
    [
        Flow("upper_projects", "争取上级科技项目数", "S&T projects won at national, provincial or municipal level", "项",
                "count of projects with approvedOn in Y and level national, provincial or municipal",
            db => db.Set<ProjectApproval>()
                .Where(a => a.Level == ProjectLevel.National || a.Level == ProjectLevel.Provincial || a.Level == ProjectLevel.Municipal)
                .Select(a => new FlowEntry { On = a.ApprovedOn, Township = a.Township, Amount = 1 })),
        Flow("upper_funding", "争取上级科技资金", "S&T funding won at national, provincial or municipal level", "万元",
                "Σ fundingWan of projects with approvedOn in Y and level national, provincial or municipal",
            db => db.Set<ProjectApproval>()
                .Where(a => a.Level == ProjectLevel.National || a.Level == ProjectLevel.Provincial || a.Level == ProjectLevel.Municipal)
                .Select(a => new FlowEntry { On = a.ApprovedOn, Township = a.Township, Amount = a.FundingWan })),
        Flow("county_projects", "县级科技计划立项数", "County S&T plan projects approved", "项",
                "count of projects with approvedOn in Y and level county",
            db => db.Set<ProjectApproval>()
                .Where(a => a.Level == ProjectLevel.County)
                .Select(a => new FlowEntry { On = a.ApprovedOn, Township = a.Township, Amount = 1 })),
        Flow("projects_accepted", "科技项目验收数", "S&T projects passing acceptance", "项",
                "count of projects with acceptedOn in Y and passed",
            db => db.Set<ProjectAcceptance>()
                .Where(a => a.Passed)
                .Select(a => new FlowEntry { On = a.AcceptedOn, Township = a.Township, Amount = 1 })),
        Flow("varieties_introduced", "引进新品种数", "New crop varieties introduced", "个",
                "count of project outcomes of kind variety with recordedOn in Y",
            db => db.Set<ProjectOutcome>()
                .Where(o => o.Kind == OutcomeKind.Variety)
                .Select(o => new FlowEntry { On = o.RecordedOn, Township = o.Township, Amount = 1 })),
        Flow("techniques_promoted", "推广先进适用技术数", "Advanced applicable techniques promoted", "项",
                "count of project outcomes of kind technique with recordedOn in Y",
            db => db.Set<ProjectOutcome>()
                .Where(o => o.Kind == OutcomeKind.Technique)
                .Select(o => new FlowEntry { On = o.RecordedOn, Township = o.Township, Amount = 1 })),
    ];

    private static Indicator Flow(
        string code, string nameZh, string nameEn, string unit, string formula, Func<Infrastructure.ReportingDbContext, IQueryable<FlowEntry>> entries) =>
        Indicator.ByTownship(new IndicatorDefinition(code, nameZh, nameEn, unit, IndicatorKind.Flow, formula), new FlowQuery(entries));
}
