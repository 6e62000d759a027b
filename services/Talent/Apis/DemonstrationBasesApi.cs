using CountyTech.BureauRules;
using CountyTech.Contracts.Talent;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Domain;
using CountyTech.Talent.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Apis;

/// <summary><c>/api/v1/talent/demonstration-bases</c>: science and technology demonstration bases (科技示范基地).</summary>
public static class DemonstrationBasesApi
{
    public static RouteGroupBuilder MapDemonstrationBases(this RouteGroupBuilder bases)
    {
        bases.MapPost("/", CertifyDemonstrationBase).WithName(nameof(CertifyDemonstrationBase))
            .WithSummary("认定科技示范基地 · Record a demonstration base certified, its area in 亩").AnswersConflict();
        bases.MapGet("/", ListDemonstrationBases).WithName(nameof(ListDemonstrationBases))
            .WithSummary("科技示范基地清单 · List demonstration bases (year filters by certification)");
        bases.MapGet("/{id:guid}", GetDemonstrationBase).WithName(nameof(GetDemonstrationBase))
            .WithSummary("科技示范基地详情 · A demonstration base").AnswersNotFound();
        return bases;
    }

    public static async Task<Results<Created<DemonstrationBaseResponse>, ValidationProblem>> CertifyDemonstrationBase(
        CertifyDemonstrationBaseRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var certification = request.Validate(BureauCalendar.Today(clock), errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var existing = await db.DemonstrationBases.AsNoTracking()
            .FirstOrDefaultAsync(b => b.Township == certification.Township && b.Name == certification.Name, cancellationToken);
        if (existing is not null)
        {
            throw new RuleViolationException(
                $"{existing.Name} in {existing.Township} is already a demonstration base, certified on {existing.CertifiedOn:yyyy-MM-dd} (id {existing.Id}).");
        }

        var demonstrationBase = DemonstrationBase.Certify(certification, clock.GetUtcNow());
        db.DemonstrationBases.Add(demonstrationBase);
        db.AddIntegrationEvent(new DemonstrationBaseCertified(
            demonstrationBase.Id, demonstrationBase.Name, demonstrationBase.Township, demonstrationBase.Industry,
            demonstrationBase.AreaMu, demonstrationBase.CertifiedOn), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/talent/demonstration-bases/{demonstrationBase.Id}", DemonstrationBaseResponse.From(demonstrationBase));
    }

    public static async Task<Results<Ok<PagedList<DemonstrationBaseResponse>>, FileContentHttpResult, ValidationProblem>> ListDemonstrationBases(
        [AsParameters] DemonstrationBaseListQuery query, HttpRequest request, TalentDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.DemonstrationBases.AsNoTracking(), errors)
            .OrderByDescending(b => b.CertifiedOn).ThenByDescending(b => b.Id)
            .Select(b => new DemonstrationBaseResponse(b.Id, b.Name, b.Township, b.Industry, b.AreaMu, b.CertifiedOn, b.CreatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, DemonstrationBaseSpreadsheetRow.From, "科技示范基地清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<DemonstrationBaseResponse>, ProblemHttpResult>> GetDemonstrationBase(
        Guid id, TalentDbContext db, CancellationToken cancellationToken)
    {
        var demonstrationBase = await db.DemonstrationBases.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        return demonstrationBase is null
            ? TalentApi.NotFound("Demonstration base", id)
            : TypedResults.Ok(DemonstrationBaseResponse.From(demonstrationBase));
    }
}
