using CountyTech.BureauRules;
using CountyTech.Reporting.Domain;
using CountyTech.Reporting.Infrastructure;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyTech.Reporting.Apis;

/// <summary>A year's baseline as entered: every figure may be missing or wrong, so all are checked.</summary>
public sealed record BaselineRequest(
    decimal? GdpWan, decimal? Population, decimal? GeneralBudgetExpenditureWan, decimal? FiscalScienceExpenditureWan, decimal? RdExpenditureWan);

/// <summary>A year's stored baseline.</summary>
public sealed record BaselineResponse(
    int Year, decimal GdpWan, int Population, decimal GeneralBudgetExpenditureWan, decimal FiscalScienceExpenditureWan,
    decimal RdExpenditureWan, DateTimeOffset UpdatedAt)
{
    public static BaselineResponse From(Baseline b) =>
        new(b.Year, b.GdpWan, b.Population, b.GeneralBudgetExpenditureWan, b.FiscalScienceExpenditureWan, b.RdExpenditureWan, b.UpdatedAt);
}

/// <summary>The baselines (基础数据) of the statistics and finance bureaus, one per year.</summary>
public static class BaselinesApi
{
    public static RouteGroupBuilder MapBaselinesApi(this RouteGroupBuilder api)
    {
        var baselines = api.MapGroup("/baselines")
            .WithApiTag("Baselines", "基础数据 · The county's figures from the statistics and finance bureaus, by year");
        baselines.MapPut("/{year}", PutBaseline).WithName(nameof(PutBaseline))
            .WithSummary("填报基础数据 · Enter or replace the baseline of a year");
        baselines.MapGet("/{year}", GetBaseline).WithName(nameof(GetBaseline))
            .WithSummary("基础数据 · The baseline of a year").AnswersNotFound();
        return api;
    }

    /// <summary>
    /// Enters the baseline of a year, replacing any entered before; 200 with what is stored. The figures it changed,
    /// old and new, go to the gateway's audit trail.
    /// </summary>
    public static async Task<Results<Ok<BaselineResponse>, ValidationProblem>> PutBaseline(
        string year, BaselineRequest? request, ReportingDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var baselineYear = ReportingYear.Parse(year, "year", ReportingApi.CurrentYear(clock), errors);
        var figures = BaselineFigures.Validate(
            request?.GdpWan, request?.Population, request?.GeneralBudgetExpenditureWan, request?.FiscalScienceExpenditureWan,
            request?.RdExpenditureWan, errors);
        if (baselineYear is not { } y || figures is null)
        {
            return errors.ToProblem();
        }

        var (stored, replaced) = await db.UpsertBaselineAsync(y, figures, clock.GetUtcNow(), cancellationToken);
        AuditChanges.Report(context, AuditChanges.Between(replaced?.Figures(), stored.Figures()));
        return TypedResults.Ok(BaselineResponse.From(stored));
    }

    /// <summary>The baseline of a year; 404 when none was entered.</summary>
    public static async Task<Results<Ok<BaselineResponse>, ValidationProblem, ProblemHttpResult>> GetBaseline(
        string year, ReportingDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ReportingYear.Parse(year, "year", ReportingApi.CurrentYear(clock), errors) is not { } y)
        {
            return errors.ToProblem();
        }

        var baseline = await db.Baselines.FindAsync([y], cancellationToken);
        return baseline is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Baseline not found", detail: $"No baseline was entered for {y}.")
            : TypedResults.Ok(BaselineResponse.From(baseline));
    }
}
