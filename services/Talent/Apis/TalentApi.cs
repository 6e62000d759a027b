using Microsoft.AspNetCore.Http.HttpResults;

namespace CountyTech.Talent.Apis;

/// <summary>The Talent section of API.md: <c>/api/v1/talent</c> (人才), one collection per kind of record.</summary>
public static class TalentApi
{
    public static IEndpointRouteBuilder MapTalentApi(this IEndpointRouteBuilder app)
    {
        var talent = app.MapGroup("/api/v1/talent").WithTags("Talent");
        talent.MapGroup("/experts").MapExperts();
        talent.MapGroup("/commissioners").MapCommissioners();
        talent.MapGroup("/demonstration-bases").MapDemonstrationBases();
        talent.MapGroup("/demonstration-households").MapDemonstrationHouseholds();
        talent.MapGroup("/trainings").MapTrainings();
        return app;
    }

    internal static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{what} not found", detail: $"No {what.ToLowerInvariant()} has id {id}.");
}
