using CountyTech.Reporting.IntegrationEvents;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas;

/// <summary>
/// One area of the bureau's work as Reporting sees it (projects, enterprises, talent, intellectual property, and the
/// baselines entered by hand), all in its own folder under <c>Areas/</c>: its fact rows and their EF configurations
/// (picked up from the assembly), its projections, and its indicators. Registered by one line in
/// <see cref="ReportingAreas"/>; see <c>Areas/README.md</c>.
/// </summary>
public interface IReportingArea
{
    /// <summary>
    /// The area's integration events and the projections they feed: one <see cref="ReportedEvents.Consume{TEvent, TProjection}"/>
    /// each. An area fed by no event (the baselines, entered by hand) keeps this default.
    /// </summary>
    void Consume(ReportedEvents events)
    {
    }

    /// <summary>The area's indicators, in INDICATORS.md order.</summary>
    IEnumerable<Indicator> Indicators { get; }
}
