using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Areas;

/// <summary>
/// Every county-wide indicator (统计指标) of the registered areas, in INDICATORS.md order, each with the query that
/// computes it. Years are always those of business dates, never of processing.
/// </summary>
public sealed class IndicatorCatalog
{
    private readonly Dictionary<string, Indicator> _byCode;

    public IndicatorCatalog(IReadOnlyList<Indicator> indicators)
    {
        All = indicators;
        _byCode = indicators.ToDictionary(i => i.Definition.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<Indicator> All { get; }

    public Indicator? Find(string code) => _byCode.GetValueOrDefault(code);
}
