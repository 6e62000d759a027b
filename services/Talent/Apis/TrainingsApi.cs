using CountyTech.BureauRules;
using CountyTech.Contracts.Talent;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Domain;
using CountyTech.Talent.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Apis;

/// <summary><c>/api/v1/talent/trainings</c>: science and technology trainings (科技培训), sessions and person-times.</summary>
public static class TrainingsApi
{
    public static RouteGroupBuilder MapTrainings(this RouteGroupBuilder trainings)
    {
        trainings.MapPost("/", RecordTraining).WithName(nameof(RecordTraining))
            .WithSummary("登记科技培训 · Record a training held: sessions (期) and participants (人次)");
        trainings.MapGet("/", ListTrainings).WithName(nameof(ListTrainings))
            .WithSummary("科技培训清单 · List trainings (year filters by the day held)");
        trainings.MapGet("/{id:guid}", GetTraining).WithName(nameof(GetTraining))
            .WithSummary("科技培训详情 · A training").AnswersNotFound();
        return trainings;
    }

    public static async Task<Results<Created<TrainingResponse>, ValidationProblem>> RecordTraining(
        RecordTrainingRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var held = request.Validate(BureauCalendar.Today(clock), errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var training = Training.Record(held, clock.GetUtcNow());
        db.Trainings.Add(training);
        db.AddIntegrationEvent(new TrainingHeld(
            training.Id, training.Title, training.Township, training.HeldOn, training.Sessions, training.Participants), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/talent/trainings/{training.Id}", TrainingResponse.From(training));
    }

    public static async Task<Results<Ok<PagedList<TrainingResponse>>, FileContentHttpResult, ValidationProblem>> ListTrainings(
        [AsParameters] TrainingListQuery query, HttpRequest request, TalentDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.Trainings.AsNoTracking(), errors)
            .OrderByDescending(t => t.HeldOn).ThenByDescending(t => t.Id)
            .Select(t => new TrainingResponse(t.Id, t.Title, t.Township, t.HeldOn, t.Sessions, t.Participants, t.CreatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, TrainingSpreadsheetRow.From, "科技培训清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<TrainingResponse>, ProblemHttpResult>> GetTraining(Guid id, TalentDbContext db, CancellationToken cancellationToken)
    {
        var training = await db.Trainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return training is null ? TalentApi.NotFound("Training", id) : TypedResults.Ok(TrainingResponse.From(training));
    }
}
