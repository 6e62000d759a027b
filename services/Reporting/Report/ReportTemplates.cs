using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Options;

namespace CountyTech.Reporting.Report;

/// <summary>A template of the report that does not parse: the staff's edit to fix, named with its file and position.</summary>
public sealed class ReportTemplateException(string message) : Exception(message);

/// <summary>Where the report's templates are (section <c>Report</c>): a folder the bureau's staff can edit.</summary>
public sealed class ReportOptions
{
    public const string Section = "Report";

    /// <summary>The folder of the Liquid templates, relative to the service's base directory unless absolute.</summary>
    public string TemplateDirectory { get; set; } = Path.Combine("Report", "Templates");
}

/// <summary>
/// The annual report's Liquid templates (Fluid): <c>annual-report.md.liquid</c> holds the bureau's wording and where
/// each figure goes, <c>annual-report.html.liquid</c> the printable page around it (styles, charts). Read from
/// <see cref="ReportOptions.TemplateDirectory"/> on every rendering, so an edited template takes effect at once; a
/// template that does not parse is a server error naming the file, the line and the column.
/// </summary>
public sealed class ReportTemplates
{
    public const string Markdown = "annual-report.md.liquid";
    public const string Html = "annual-report.html.liquid";

    private static readonly FluidParser Parser = new();

    /// <summary>Escapes markup only: Chinese text stays readable in the page's source.</summary>
    private static readonly HtmlEncoder PageEncoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly TemplateOptions _options = new();
    private readonly string _directory;

    public ReportTemplates(IOptions<ReportOptions> options)
    {
        _directory = Path.GetFullPath(options.Value.TemplateDirectory, AppContext.BaseDirectory);
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        _options.MemberAccessStrategy.Register<ReportFigure>();
        _options.Filters.AddFilter("chart_years", ChartYearsAsync);
        _options.Filters.AddFilter("chart_townships", ChartTownshipsAsync);
    }

    /// <summary>Renders <paramref name="file"/> with <paramref name="values"/>; HTML-encoded when <paramref name="html"/>.</summary>
    public async Task<string> RenderAsync(
        string file, IReadOnlyDictionary<string, object?> values, ReportCharts? charts, bool html, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_directory, file);
        var source = await File.ReadAllTextAsync(path, cancellationToken);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new ReportTemplateException($"The report template {path} cannot be read: {error}");
        }

        var context = new TemplateContext(_options);
        foreach (var (name, value) in values)
        {
            context.SetValue(name, value);
        }

        if (charts is not null)
        {
            context.AmbientValues[nameof(ReportCharts)] = charts;
        }

        return await template.RenderAsync(context, html ? PageEncoder : NullEncoder.Default);
    }

    private static async ValueTask<FluidValue> ChartYearsAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var years = arguments.Count > 0 ? (int)arguments.At(0).ToNumberValue() : 5;
        return new StringValue(await ChartsOf(context).YearsAsync(input.ToStringValue(), years), encode: false);
    }

    private static async ValueTask<FluidValue> ChartTownshipsAsync(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new StringValue(await ChartsOf(context).TownshipsAsync(input.ToStringValue()), encode: false);

    private static ReportCharts ChartsOf(TemplateContext context) =>
        context.AmbientValues.TryGetValue(nameof(ReportCharts), out var charts) && charts is ReportCharts reportCharts
            ? reportCharts
            : throw new InvalidOperationException("Charts are drawn in the HTML page only (annual-report.html.liquid).");
}
