using CountyTech.BureauRules;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Areas;
using CountyTech.Reporting.Infrastructure;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyTech.Reporting.Apis;

/// <summary>The county-wide indicators (统计指标) of INDICATORS.md, by year and as series.</summary>
public static class IndicatorsApi
{
    private const string ByCounty = "county";
    private const string ByTownship = "township";

    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/indicators").WithApiTag("Indicators", "科技统计指标 · The county's indicators of INDICATORS.md");
        indicators.MapGet("/", GetIndicators).WithName(nameof(GetIndicators))
            .WithSummary("年度科技指标 · Every indicator for a year, with the year before and the change in %");
        indicators.MapGet("/{code}", GetIndicatorSeries).WithName(nameof(GetIndicatorSeries))
            .WithSummary("指标序列 · One indicator year by year, for the county or by township").AnswersNotFound();
        return api;
    }

    /// <summary>
    /// Every indicator for <paramref name="year"/>, with its value for the year before and the change in %: JSON, or with
    /// <c>?format=xlsx</c> (or the .xlsx type in <c>Accept</c>) a spreadsheet of one row per indicator.
    /// </summary>
    public static async Task<Results<Ok<IndicatorsResponse>, FileContentHttpResult, ValidationProblem>> GetIndicators(
        string? year, HttpRequest request, IndicatorCatalog catalog, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var y = ReportingYear.Parse(year, "year", ReportingApi.CurrentYear(clock), errors);
        var spreadsheet = Spreadsheets.IsRequested(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var asOf = clock.GetUtcNow();
        var values = await catalog.ValuesAsync(db, y!.Value, cancellationToken);
        return spreadsheet
            ? Spreadsheets.File(values.Select(IndicatorSpreadsheetRow.From), $"{y}年科技创新指标.xlsx")
            : TypedResults.Ok(new IndicatorsResponse(y.Value, asOf, values));
    }

    /// <summary>
    /// One indicator from <paramref name="from"/> to <paramref name="to"/>: one series for the county (<c>by=county</c>,
    /// the default), or with <c>by=township</c> one per township (flows and stocks whose records carry a township;
    /// ratios and baseline figures are county-wide only).
    /// </summary>
    public static async Task<Results<Ok<IndicatorSeriesResponse>, ValidationProblem, ProblemHttpResult>> GetIndicatorSeries(
        string code, string? from, string? to, string? by, IndicatorCatalog catalog, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } indicator)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Unknown indicator", detail: $"There is no indicator '{code}'.");
        }

        var errors = new ValidationErrors();
        var currentYear = ReportingApi.CurrentYear(clock);
        var first = ReportingYear.Parse(from, "from", currentYear, errors);
        var last = ReportingYear.Parse(to, "to", currentYear, errors);
        errors.Require(!(first > last), "to", "to must not be before from.");
        errors.Require(by is null or ByCounty or ByTownship, "by", $"by must be '{ByCounty}' (the default) or '{ByTownship}'.");
        errors.Require(by is not ByTownship || indicator.Townships is not null, "by",
            $"{code} is county-wide only: ratios, baseline figures and records without a township have no township breakdown.");
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var d = indicator.Definition;
        var years = new YearRange(first!.Value, last!.Value);
        IReadOnlyList<IndicatorSeries> series = by is ByTownship
            ? (await indicator.Townships!.ByTownshipAsync(db, years, cancellationToken))
                .Select(t => new IndicatorSeries(t.Township, t.Points)).ToList()
            : [new IndicatorSeries(null, await indicator.Query.CountyAsync(db, years, cancellationToken))];
        return TypedResults.Ok(new IndicatorSeriesResponse(
            d.Code, d.NameZh, d.NameEn, d.Unit, d.Kind, d.Formula, years.From, years.To, by ?? ByCounty, series));
    }
}
