using System.Text;
using CountyTech.BureauRules;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Infrastructure;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CountyTech.Reporting.Report;

/// <summary>The forms the annual report comes in.</summary>
public enum ReportFormat
{
    /// <summary>Markdown, the template's own output (the default).</summary>
    Markdown,

    /// <summary>A printable HTML page with the key charts.</summary>
    Html,

    /// <summary>A Word document (.docx).</summary>
    Word,
}

/// <summary>A rendered report: its bytes, content type and download name.</summary>
public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The county's annual 科技创新工作汇报 written from the indicators: the Markdown template fills every figure of the
/// year from <see cref="IndicatorCatalog.ValuesAsync"/> (any code of any area, by name: <c>{{ upper_funding.figure }}</c>),
/// and the HTML page and the Word document are made from that same Markdown, so all three carry the same figures.
/// </summary>
public sealed class AnnualReport(IndicatorCatalog catalog, ReportingDbContext db, ReportTemplates templates, TimeProvider clock)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public async Task<RenderedReport> WriteAsync(int year, ReportFormat format, CancellationToken cancellationToken)
    {
        var values = await ValuesAsync(year, cancellationToken);
        var markdown = await templates.RenderAsync(ReportTemplates.Markdown, values, charts: null, html: false, cancellationToken);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var title = TitleOf(document) ?? $"{year}年科技创新工作汇报";
        var fileName = FileName(title);
        switch (format)
        {
            case ReportFormat.Html:
                values["title"] = title;
                values["body"] = document.ToHtml(Pipeline);
                var page = await templates.RenderAsync(
                    ReportTemplates.Html, values, new ReportCharts(catalog, db, year, cancellationToken), html: true, cancellationToken);
                return new RenderedReport(Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8", fileName + ".html");
            case ReportFormat.Word:
                return new RenderedReport(WordReport.Build(document, title), WordReport.ContentType, fileName + ".docx");
            default:
                return new RenderedReport(Encoding.UTF8.GetBytes(markdown), "text/markdown; charset=utf-8", fileName + ".md");
        }
    }

    /// <summary>
    /// What the templates see: <c>year</c>, <c>previous_year</c>, <c>as_of</c> (today in the bureau's calendar), every
    /// indicator by its code as a <see cref="ReportFigure"/>, all of them in catalog order as <c>indicators</c>, and
    /// <c>not_reported</c>, the words for a missing figure.
    /// </summary>
    private async Task<Dictionary<string, object?>> ValuesAsync(int year, CancellationToken cancellationToken)
    {
        var figures = (await catalog.ValuesAsync(db, year, cancellationToken)).Select(ReportFigure.From).ToList();
        var today = BureauCalendar.Today(clock);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["year"] = year,
            ["previous_year"] = year - 1,
            ["as_of"] = $"{today.Year}年{today.Month}月{today.Day}日",
            ["indicators"] = figures,
            ["not_reported"] = ReportFigure.NotReported,
        };
        foreach (var figure in figures)
        {
            values[figure.Code] = figure;
        }

        return values;
    }

    /// <summary>The text of the first level-1 heading: the report's title, which also names the download.</summary>
    private static string? TitleOf(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1)?.Inline is { } inline
            ? string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim()
            : null;

    private static string FileName(string title)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        return new string([.. title.Where(c => !invalid.Contains(c) && !char.IsControl(c))]);
    }
}
