using CountyTech.BureauRules;
using CountyTech.Contracts.Talent;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Domain;
using CountyTech.Talent.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Apis;

/// <summary><c>/api/v1/talent/demonstration-households</c>: science and technology demonstration households (科技示范户).</summary>
public static class DemonstrationHouseholdsApi
{
    public static RouteGroupBuilder MapDemonstrationHouseholds(this RouteGroupBuilder households)
    {
        households.MapPost("/", CertifyDemonstrationHousehold).WithName(nameof(CertifyDemonstrationHousehold))
            .WithSummary("认定科技示范户 · Record a demonstration household certified, optionally with the commissioner who coached it");
        households.MapGet("/", ListDemonstrationHouseholds).WithName(nameof(ListDemonstrationHouseholds))
            .WithSummary("科技示范户清单 · List demonstration households (year filters by certification)");
        households.MapGet("/{id:guid}", GetDemonstrationHousehold).WithName(nameof(GetDemonstrationHousehold))
            .WithSummary("科技示范户详情 · A demonstration household").AnswersNotFound();
        return households;
    }

    public static async Task<Results<Created<DemonstrationHouseholdResponse>, ValidationProblem>> CertifyDemonstrationHousehold(
        CertifyDemonstrationHouseholdRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var certification = request.Validate(BureauCalendar.Today(clock), errors);
        if (certification.CommissionerId is { } commissionerId
            && !await db.Commissioners.AnyAsync(c => c.Id == commissionerId, cancellationToken))
        {
            errors.Add("commissionerId", $"No commissioner has id {commissionerId}.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var household = DemonstrationHousehold.Certify(certification, clock.GetUtcNow());
        db.DemonstrationHouseholds.Add(household);
        db.AddIntegrationEvent(new DemonstrationHouseholdCertified(
            household.Id, household.Name, household.Township, household.CertifiedOn, household.HouseholdsReached,
            household.CommissionerId), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/talent/demonstration-households/{household.Id}", DemonstrationHouseholdResponse.From(household));
    }

    public static async Task<Results<Ok<PagedList<DemonstrationHouseholdResponse>>, FileContentHttpResult, ValidationProblem>> ListDemonstrationHouseholds(
        [AsParameters] DemonstrationHouseholdListQuery query, HttpRequest request, TalentDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.DemonstrationHouseholds.AsNoTracking(), errors)
            .OrderByDescending(h => h.CertifiedOn).ThenByDescending(h => h.Id)
            .Select(h => new DemonstrationHouseholdResponse(h.Id, h.Name, h.Township, h.CertifiedOn, h.HouseholdsReached, h.CommissionerId, h.CreatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, DemonstrationHouseholdSpreadsheetRow.From, "科技示范户清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<DemonstrationHouseholdResponse>, ProblemHttpResult>> GetDemonstrationHousehold(
        Guid id, TalentDbContext db, CancellationToken cancellationToken)
    {
        var household = await db.DemonstrationHouseholds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        return household is null
            ? TalentApi.NotFound("Demonstration household", id)
            : TypedResults.Ok(DemonstrationHouseholdResponse.From(household));
    }
}
