using CountyTech.BureauRules;
using CountyTech.Contracts.Talent;
using CountyTech.Messaging;
using CountyTech.ServiceDefaults;
using CountyTech.Talent.Domain;
using CountyTech.Talent.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Talent.Apis;

/// <summary><c>/api/v1/talent/commissioners</c>: science and technology commissioners (科技特派员), their service and departure.</summary>
public static class CommissionersApi
{
    public static RouteGroupBuilder MapCommissioners(this RouteGroupBuilder commissioners)
    {
        commissioners.MapPost("/", DispatchCommissioner).WithName(nameof(DispatchCommissioner))
            .WithSummary("选派科技特派员 · Record a commissioner dispatched to a township and village");
        commissioners.MapGet("/", ListCommissioners).WithName(nameof(ListCommissioners))
            .WithSummary("科技特派员清单 · List commissioners with this year's days of service (year filters by dispatch; status in-post or departed)");
        commissioners.MapGet("/{id:guid}", GetCommissioner).WithName(nameof(GetCommissioner))
            .WithSummary("科技特派员详情 · A commissioner with the service logs").AnswersNotFound();
        commissioners.MapPost("/{id:guid}/service-logs", LogService).WithName(nameof(LogService))
            .WithSummary("登记服务记录 · Log days of service and farmers reached").AnswersNotFound().AnswersConflict();
        commissioners.MapPost("/{id:guid}/departure", RecordDeparture).WithName(nameof(RecordDeparture))
            .WithSummary("科技特派员离岗 · Record that a commissioner left the post").AnswersNotFound().AnswersConflict();
        return commissioners;
    }

    public static async Task<Results<Created<CommissionerResponse>, ValidationProblem>> DispatchCommissioner(
        DispatchCommissionerRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var today = BureauCalendar.Today(clock);
        var appointment = request.Validate(today, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var commissioner = Commissioner.Dispatch(appointment, clock.GetUtcNow());
        db.Commissioners.Add(commissioner);
        db.AddIntegrationEvent(new CommissionerDispatched(
            commissioner.Id, commissioner.Name, commissioner.Specialty, commissioner.Township, commissioner.Village,
            commissioner.DispatchingUnit, commissioner.DispatchedOn), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/talent/commissioners/{commissioner.Id}", CommissionerResponse.From(commissioner, today.Year));
    }

    public static async Task<Results<Ok<PagedList<CommissionerSummary>>, FileContentHttpResult, ValidationProblem>> ListCommissioners(
        [AsParameters] CommissionerListQuery query, HttpRequest request, TalentDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (first, last) = BusinessDates.YearSpan(BureauCalendar.Today(clock).Year);
        return await query.Apply(db.Commissioners.AsNoTracking(), errors)
            .OrderByDescending(c => c.DispatchedOn).ThenByDescending(c => c.Id)
            .Select(c => new CommissionerSummary(c.Id, c.Name, c.Specialty, c.Township, c.Village, c.DispatchingUnit,
                c.DispatchedOn, c.Status, c.LeftOn,
                c.ServiceLogs.Where(l => l.ServedOn >= first && l.ServedOn <= last).Sum(l => l.Days)))
            .ListAsync(request, query.Page, query.PageSize, errors, CommissionerSpreadsheetRow.From, "科技特派员清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<CommissionerResponse>, ProblemHttpResult>> GetCommissioner(
        Guid id, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var commissioner = await db.Commissioners.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return commissioner is null
            ? TalentApi.NotFound("Commissioner", id)
            : TypedResults.Ok(CommissionerResponse.From(commissioner, BureauCalendar.Today(clock).Year));
    }

    public static Task<Results<Ok<CommissionerResponse>, ProblemHttpResult, ValidationProblem>> LogService(
        Guid id, LogServiceRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var servedOn = BusinessDates.PastDate(request.ServedOn, "servedOn", BureauCalendar.Today(clock), errors);
        var days = Amounts.Count(request.Days, "days", errors, LogServiceRequest.MaxDays);
        var farmersServed = Amounts.Count(request.FarmersServed, "farmersServed", errors);
        return ChangeAsync(id, errors, db, clock, (commissioner, now) =>
        {
            var log = commissioner.LogService(servedOn, days, farmersServed, now);
            return new CommissionerServiceLogged(
                commissioner.Id, log.Id, commissioner.Township, commissioner.DispatchedOn, servedOn, days, farmersServed);
        }, cancellationToken);
    }

    public static Task<Results<Ok<CommissionerResponse>, ProblemHttpResult, ValidationProblem>> RecordDeparture(
        Guid id, RecordDepartureRequest request, TalentDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var leftOn = BusinessDates.PastDate(request.LeftOn, "leftOn", BureauCalendar.Today(clock), errors);
        var reason = errors.Text(request.Reason, "reason", TalentColumns.Reason);
        return ChangeAsync(id, errors, db, clock, (commissioner, now) =>
        {
            commissioner.Depart(leftOn, reason, now);
            return new CommissionerDeparted(commissioner.Id, commissioner.Township, commissioner.DispatchedOn, leftOn, reason);
        }, cancellationToken);
    }

    /// <summary>
    /// A change to a commissioner: 400 for an invalid body, 404 for an unknown commissioner, otherwise the domain rule is
    /// applied (409 if broken, 400 if the days do not fit) and the new state and its integration event are saved together.
    /// </summary>
    private static async Task<Results<Ok<CommissionerResponse>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, ValidationErrors errors, TalentDbContext db, TimeProvider clock,
        Func<Commissioner, DateTimeOffset, object> change, CancellationToken cancellationToken)
    {
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var commissioner = await db.Commissioners.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (commissioner is null)
        {
            return TalentApi.NotFound("Commissioner", id);
        }

        db.AddIntegrationEvent(change(commissioner, clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CommissionerResponse.From(commissioner, BureauCalendar.Today(clock).Year));
    }
}
