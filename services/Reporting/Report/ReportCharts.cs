using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.Reporting.Queries;

namespace CountyTech.Reporting.Report;

/// <summary>
/// The charts the printable report asks for while it is rendered (<c>{{ "upper_funding" | chart_years: 5 }}</c>,
/// <c>{{ "upper_funding" | chart_townships }}</c>): any indicator of the catalog, year by year up to the report's year,
/// or by township in that year, drawn as <see cref="ChartSvg"/>.
/// </summary>
public sealed class ReportCharts(IndicatorCatalog catalog, ReportingDbContext db, int year, CancellationToken cancellationToken)
{
    /// <summary>The indicator over the <paramref name="years"/> years that end with the report's year.</summary>
    public async Task<string> YearsAsync(string code, int years)
    {
        var indicator = Find(code);
        var d = indicator.Definition;
        var first = year - Math.Clamp(years, 1, 20) + 1;
        var points = await indicator.Query.CountyAsync(db, new YearRange(first, year), cancellationToken);
        return ChartSvg.Bars($"{d.NameZh}（{first}—{year}年）", d.Unit,
            [.. points.Select(p => new ChartBar(p.Year + "年", p.Value, ReportFigure.Format(p.Value, d.Kind, d.Unit)))]);
    }

    /// <summary>The indicator by township (乡镇) in the report's year; none for a county-wide indicator.</summary>
    public async Task<string> TownshipsAsync(string code)
    {
        var indicator = Find(code);
        var d = indicator.Definition;
        IReadOnlyList<TownshipSeries> series = indicator.Townships is { } townships
            ? await townships.ByTownshipAsync(db, new YearRange(year, year), cancellationToken)
            : [];
        return ChartSvg.Bars($"{year}年{d.NameZh}（分乡镇）", d.Unit,
            [.. series.Select(s => new ChartBar(s.Township, s.Points[0].Value, ReportFigure.Format(s.Points[0].Value, d.Kind, d.Unit)))]);
    }

    private Indicator Find(string code) => catalog.Find(code)
        ?? throw new InvalidOperationException($"The report template asks for a chart of '{code}', which is no indicator code of INDICATORS.md.");
}
