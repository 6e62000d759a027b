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

/// <summary>Registered S&amp;T achievements: <c>/api/v1/ip/achievements</c> (科技成果登记).</summary>
public static class AchievementsApi
{
    public static IEndpointRouteBuilder MapAchievementsApi(this IEndpointRouteBuilder app)
    {
        var achievements = app.MapGroup("/api/v1/ip/achievements")
            .WithApiTag("Achievements", "科技成果登记 · Registered S&T achievements").WithAreaScopes("ip");
        achievements.MapPost("/", RegisterAchievement).WithName(nameof(RegisterAchievement))
            .WithSummary("科技成果登记 · Register an S&T achievement").AnswersConflict();
        achievements.MapGet("/", ListAchievements).WithName(nameof(ListAchievements))
            .WithSummary("科技成果清单 · List achievements (year filters by registration year)");
        achievements.MapGet("/{id:guid}", GetAchievement).WithName(nameof(GetAchievement))
            .WithSummary("科技成果详情 · A registered achievement").AnswersNotFound();
        return app;
    }

    public static async Task<Results<Created<AchievementResponse>, ValidationProblem>> RegisterAchievement(
        RegisterAchievementRequest request, IntellectualPropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var registration = request.Validate(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (await db.Achievements.AnyAsync(a => a.RegistrationNo == registration.RegistrationNo, cancellationToken))
        {
            throw new RuleViolationException($"Achievement {registration.RegistrationNo} is already registered.");
        }

        var achievement = Achievement.Register(registration, clock.GetUtcNow());
        db.Achievements.Add(achievement);
        db.AddIntegrationEvent(new AchievementRegistered(
            achievement.Id, achievement.RegistrationNo, achievement.Title, achievement.Type, achievement.RegisteredOn,
            achievement.HolderName), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/ip/achievements/{achievement.Id}", AchievementResponse.From(achievement));
    }

    public static async Task<Results<Ok<PagedList<AchievementResponse>>, FileContentHttpResult, ValidationProblem>> ListAchievements(
        [AsParameters] AchievementListQuery query, HttpRequest request, IntellectualPropertyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.Achievements.AsNoTracking(), errors)
            .OrderByDescending(a => a.RegisteredOn).ThenByDescending(a => a.Id)
            .Select(a => new AchievementResponse(a.Id, a.RegistrationNo, a.Title, a.Type, a.RegisteredOn, a.HolderName, a.CreatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, AchievementSpreadsheetRow.From, "科技成果登记清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<AchievementResponse>, ProblemHttpResult>> GetAchievement(
        Guid id, IntellectualPropertyDbContext db, CancellationToken cancellationToken)
    {
        var achievement = await db.Achievements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return achievement is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Achievement not found",
                detail: $"No achievement has id {id}.")
            : TypedResults.Ok(AchievementResponse.From(achievement));
    }
}
