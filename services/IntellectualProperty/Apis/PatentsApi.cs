using CountyTech.BureauRules;
using CountyTech.Contracts.IntellectualProperty;
using CountyTech.IntellectualProperty.Domain;
using CountyTech.IntellectualProperty.Infrastructure;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.IntellectualProperty.Apis;

/// <summary>Patents in the Intellectual property section of API.md: <c>/api/v1/ip/patents</c> (专利).</summary>
public static class PatentsApi
{
    public static IEndpointRouteBuilder MapPatentsApi(this IEndpointRouteBuilder app)
    {
        var patents = app.MapGroup("/api/v1/ip/patents").WithApiTag("Patents", "专利 · Patent applications and their legal status").WithAreaScopes("ip");
        patents.MapPost("/", FilePatent).WithName(nameof(FilePatent))
            .WithSummary("登记专利申请 · Record a patent application by its CN application number").AnswersConflict();
        patents.MapGet("/", ListPatents).WithName(nameof(ListPatents))
            .WithSummary("专利清单 · List patents (year filters by filing year, grantYear by grant year)");
        patents.MapGet("/{id:guid}", GetPatent).WithName(nameof(GetPatent))
            .WithSummary("专利详情 · A patent and its legal status").AnswersNotFound();
        patents.MapPost("/{id:guid}/grant", GrantPatent).WithName(nameof(GrantPatent))
            .WithSummary("专利授权 · Record the grant of a filed application").AnswersNotFound().AnswersConflict();
        patents.MapPost("/{id:guid}/rejection", RejectPatent).WithName(nameof(RejectPatent))
            .WithSummary("专利驳回 · Record the rejection of a filed application").AnswersNotFound().AnswersConflict();
        patents.MapPost("/{id:guid}/lapse", LapsePatent).WithName(nameof(LapsePatent))
            .WithSummary("专利失效 · Record the lapse of a granted patent").AnswersNotFound().AnswersConflict();
        return app;
    }

    public static async Task<Results<Created<PatentResponse>, ValidationProblem>> FilePatent(
        FilePatentRequest request, IntellectualPropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var application = request.Validate(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (await db.Patents.AnyAsync(p => p.ApplicationNo == application.ApplicationNo, cancellationToken))
        {
            throw new RuleViolationException($"Patent application {application.ApplicationNo} is already recorded.");
        }

        var patent = Patent.File(application, clock.GetUtcNow());
        db.Patents.Add(patent);
        db.AddIntegrationEvent(new PatentFiled(
            patent.Id, patent.ApplicationNo, patent.Title, patent.Type, patent.ApplicantName, patent.ApplicantCreditCode,
            patent.Township, patent.FiledOn), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/ip/patents/{patent.Id}", PatentResponse.From(patent));
    }

    public static async Task<Results<Ok<PagedList<PatentResponse>>, FileContentHttpResult, ValidationProblem>> ListPatents(
        [AsParameters] PatentListQuery query, HttpRequest request, IntellectualPropertyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.Patents.AsNoTracking(), errors)
            .OrderByDescending(p => p.FiledOn).ThenByDescending(p => p.Id)
            .Select(p => new PatentResponse(p.Id, p.ApplicationNo, p.Title, p.Type, p.ApplicantName, p.ApplicantCreditCode,
                p.Township, p.Status, p.FiledOn, p.GrantedOn, p.RejectedOn, p.LapsedOn, p.CreatedAt, p.UpdatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, PatentSpreadsheetRow.From, "专利清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<PatentResponse>, ProblemHttpResult>> GetPatent(
        Guid id, IntellectualPropertyDbContext db, CancellationToken cancellationToken)
    {
        var patent = await db.Patents.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return patent is null ? NotFound(id) : TypedResults.Ok(PatentResponse.From(patent));
    }

    public static Task<Results<Ok<PatentResponse>, ProblemHttpResult, ValidationProblem>> GrantPatent(
        Guid id, GrantPatentRequest request, IntellectualPropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var grantedOn = BusinessDates.Date(request.GrantedOn, "grantedOn", errors);
        return ChangeAsync(id, errors, db, clock, (patent, now) =>
        {
            patent.Grant(grantedOn, now);
            return new PatentGranted(patent.Id, patent.ApplicationNo, patent.Type, patent.ApplicantName, patent.ApplicantCreditCode,
                patent.Township, patent.FiledOn, grantedOn);
        }, cancellationToken);
    }

    public static Task<Results<Ok<PatentResponse>, ProblemHttpResult, ValidationProblem>> RejectPatent(
        Guid id, RejectPatentRequest request, IntellectualPropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rejectedOn = BusinessDates.Date(request.RejectedOn, "rejectedOn", errors);
        return ChangeAsync(id, errors, db, clock, (patent, now) =>
        {
            patent.Reject(rejectedOn, now);
            return new PatentRejected(patent.Id, patent.ApplicationNo, patent.Type, patent.Township, rejectedOn);
        }, cancellationToken);
    }

    public static Task<Results<Ok<PatentResponse>, ProblemHttpResult, ValidationProblem>> LapsePatent(
        Guid id, LapsePatentRequest request, IntellectualPropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var lapsedOn = BusinessDates.Date(request.LapsedOn, "lapsedOn", errors);
        return ChangeAsync(id, errors, db, clock, (patent, now) =>
        {
            patent.Lapse(lapsedOn, now);
            return new PatentLapsed(patent.Id, patent.ApplicationNo, patent.Type, patent.ApplicantCreditCode, patent.Township,
                patent.GrantedOn!.Value, lapsedOn);
        }, cancellationToken);
    }

    /// <summary>
    /// A state change: 400 for an invalid body, 404 for an unknown patent, otherwise the domain rule is applied (409 if
    /// broken) and the new state and its integration event are saved together.
    /// </summary>
    private static async Task<Results<Ok<PatentResponse>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, ValidationErrors errors, IntellectualPropertyDbContext db, TimeProvider clock,
        Func<Patent, DateTimeOffset, object> change, CancellationToken cancellationToken)
    {
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var patent = await db.Patents.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patent is null)
        {
            return NotFound(id);
        }

        db.AddIntegrationEvent(change(patent, clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PatentResponse.From(patent));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Patent not found", detail: $"No patent has id {id}.");
}
