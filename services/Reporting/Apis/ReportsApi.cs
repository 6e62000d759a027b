using CountyTech.BureauRules;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Report;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace CountyTech.Reporting.Apis;

/// <summary>The county's annual 科技创新工作汇报, written from the indicators.</summary>
public static class ReportsApi
{
    private static readonly IReadOnlyList<(string MediaType, ReportFormat Format)> MediaTypes =
    [
        ("text/markdown", ReportFormat.Markdown),
        ("text/html", ReportFormat.Html),
        (WordReport.ContentType, ReportFormat.Word),
        ("text/*", ReportFormat.Markdown),
        ("*/*", ReportFormat.Markdown),
    ];

    private static readonly IReadOnlyDictionary<string, ReportFormat> FormatNames =
        new Dictionary<string, ReportFormat>(StringComparer.OrdinalIgnoreCase)
        {
            ["md"] = ReportFormat.Markdown,
            ["html"] = ReportFormat.Html,
            ["docx"] = ReportFormat.Word,
        };

    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithApiTag("Reports", "工作汇报 · The county's annual report, every figure from data")
            .MapGet("/{year}", GetReport).WithName(nameof(GetReport)).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", "text/html", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .WithSummary("科技创新工作汇报 · The annual report of a year: Markdown, printable HTML or Word (Accept or ?format=md|html|docx)");
        return api;
    }

    /// <summary>
    /// The report of <paramref name="year"/> in the form asked for: <c>?format=md|html|docx</c> when given, else the
    /// best of <c>Accept</c> (<c>text/markdown</c> by default, <c>text/html</c>, the Word type); 406 when
    /// <c>Accept</c> names none of them. Markdown and Word download as attachments, the HTML page opens in the browser;
    /// each is named in Chinese after the report's title (RFC 6266 <c>filename*</c>).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetReport(
        string year, string? format, HttpContext http, AnnualReport report, TimeProvider clock, ILogger<AnnualReport> logger,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var y = ReportingYear.Parse(year, "year", ReportingApi.CurrentYear(clock), errors);
        ReportFormat? chosen = null;
        if (format is not null)
        {
            chosen = FormatNames.TryGetValue(format.Trim(), out var named) ? named : null;
            errors.Require(chosen is not null, "format", "format must be md, html or docx.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        http.Response.Headers.Vary = HeaderNames.Accept;
        if ((chosen ?? Negotiate(http.Request)) is not { } reportFormat)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable",
                detail: "The report is served as text/markdown, text/html or " + WordReport.ContentType + "; or ask with ?format=md|html|docx.");
        }

        RenderedReport rendered;
        try
        {
            rendered = await report.WriteAsync(y!.Value, reportFormat, cancellationToken);
        }
        catch (ReportTemplateException broken)
        {
            logger.LogError(broken, "The annual report's template does not parse");
            return TypedResults.Problem(
                statusCode: StatusCodes.Status500InternalServerError, title: "The report template has an error", detail: broken.Message);
        }

        if (reportFormat == ReportFormat.Html)
        {
            var inline = new ContentDispositionHeaderValue("inline");
            inline.SetHttpFileName(rendered.FileName);
            http.Response.Headers.ContentDisposition = inline.ToString();
            return TypedResults.Bytes(rendered.Content, rendered.ContentType);
        }

        return TypedResults.File(rendered.Content, rendered.ContentType, rendered.FileName);
    }

    /// <summary>The acceptable form of highest quality (the first listed among equals); Markdown without <c>Accept</c>.</summary>
    private static ReportFormat? Negotiate(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0)
        {
            return ReportFormat.Markdown;
        }

        return accepted
            .Where(a => (a.Quality ?? 1) > 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .SelectMany(a => MediaTypes.Where(m => a.MediaType.Equals(m.MediaType, StringComparison.OrdinalIgnoreCase)).Select(m => (ReportFormat?)m.Format))
            .FirstOrDefault();
    }
}
