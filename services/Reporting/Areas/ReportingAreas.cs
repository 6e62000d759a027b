using CountyTech.Reporting.IntegrationEvents;

namespace CountyTech.Reporting.Areas;

/// <summary>
/// The areas Reporting serves, each registered by one <see cref="Add{TArea}"/> line: its events become consumers,
/// queues, event-log entries and rebuild steps, and its indicators join the <see cref="IndicatorCatalog"/> in
/// registration order (which is INDICATORS.md's order).
/// </summary>
public sealed class ReportingAreas(ReportedEvents events)
{
    private readonly List<IReportingArea> _areas = [];

    public ReportingAreas Add<TArea>() where TArea : IReportingArea, new()
    {
        var area = new TArea();
        area.Consume(events);
        _areas.Add(area);
        return this;
    }

    public IndicatorCatalog Catalog() => new([.. _areas.SelectMany(area => area.Indicators)]);
}
