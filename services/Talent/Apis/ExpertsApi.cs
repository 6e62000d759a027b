using CountyTech.BureauRules;
using CountyTech.Contracts.Talent;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Domain;
using CountyTech.Talent.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Apis;

/// <summary><c>/api/v1/talent/experts</c>: experts introduced flexibly (柔性引进专家).</summary>
public static class ExpertsApi
{
    public static RouteGroupBuilder MapExperts(this RouteGroupBuilder experts)
    {
        experts.MapPost("/", IntroduceExpert).WithName(nameof(IntroduceExpert))
            .WithSummary("柔性引进专家 · Record an expert introduced flexibly").AnswersConflict();
        experts.MapGet("/", ListExperts).WithName(nameof(ListExperts))
            .WithSummary("引进专家清单 · List experts (year filters by introduction)");
        experts.MapGet("/{id:guid}", GetExpert).WithName(nameof(GetExpert))
            .WithSummary("引进专家详情 · An expert").AnswersNotFound();
        return experts;
    }

    public static async Task<Results<Created<ExpertResponse>, ValidationProblem>> IntroduceExpert(
        IntroduceExpertRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var introduction = request.Validate(BureauCalendar.Today(clock), errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var expert = Expert.Introduce(introduction, clock.GetUtcNow());
        db.Experts.Add(expert);
        db.AddIntegrationEvent(new ExpertIntroduced(
            expert.Id, expert.Name, expert.Institution, expert.Field, expert.IntroducedOn, expert.AgreementEnd), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/talent/experts/{expert.Id}", ExpertResponse.From(expert));
    }

    public static async Task<Results<Ok<PagedList<ExpertResponse>>, FileContentHttpResult, ValidationProblem>> ListExperts(
        [AsParameters] ExpertListQuery query, HttpRequest request, TalentDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.Experts.AsNoTracking(), errors)
            .OrderByDescending(e => e.IntroducedOn).ThenByDescending(e => e.Id)
            .Select(e => new ExpertResponse(e.Id, e.Name, e.Institution, e.Field, e.IntroducedOn, e.AgreementEnd, e.CreatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, ExpertSpreadsheetRow.From, "柔性引进专家清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<ExpertResponse>, ProblemHttpResult>> GetExpert(Guid id, TalentDbContext db, CancellationToken cancellationToken)
    {
        var expert = await db.Experts.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return expert is null ? TalentApi.NotFound("Expert", id) : TypedResults.Ok(ExpertResponse.From(expert));
    }
}
