using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyTech.Talent.Apis;

/// <summary>The Talent section of API.md: <c>/api/v1/talent</c> (人才), one collection per kind of record.</summary>
public static class TalentApi
{
    public static IEndpointRouteBuilder MapTalentApi(this IEndpointRouteBuilder app)
    {
        var talent = app.MapGroup("/api/v1/talent").WithAreaScopes("talent");
        talent.MapGroup("/experts").WithApiTag("Experts", "柔性引进专家 · Experts introduced flexibly").MapExperts();
        talent.MapGroup("/commissioners").WithApiTag("Commissioners", "科技特派员 · Commissioners, their service and departure").MapCommissioners();
        talent.MapGroup("/demonstration-bases").WithApiTag("Demonstration bases", "科技示范基地 · Demonstration bases").MapDemonstrationBases();
        talent.MapGroup("/demonstration-households")
            .WithApiTag("Demonstration households", "科技示范户 · Demonstration households").MapDemonstrationHouseholds();
        talent.MapGroup("/trainings").WithApiTag("Trainings", "科技培训 · Trainings held in the townships").MapTrainings();
        return app;
    }

    internal static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id {id}.");
}
