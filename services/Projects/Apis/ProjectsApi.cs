using CountyTech.BureauRules;
using CountyTech.Contracts.Projects;
using CountyTech.Messaging;
using CountyTech.Projects.Domain;
using CountyTech.Projects.Infrastructure;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Projects.Apis;

/// <summary>The Projects section of API.md: <c>/api/v1/projects</c> (科技项目).</summary>
public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/projects").WithApiTag("Projects", "科技项目 · Project applications, approval, funds, outcomes and acceptance").WithAreaScopes("projects");
        projects.MapPost("/", SubmitProject).WithName(nameof(SubmitProject))
            .WithSummary("申报科技项目 · Submit a project application");
        projects.MapGet("/", ListProjects).WithName(nameof(ListProjects))
            .WithSummary("科技项目清单 · List projects (year filters by approval year)");
        projects.MapGet("/{id:guid}", GetProject).WithName(nameof(GetProject))
            .WithSummary("科技项目详情 · A project with its disbursements and outcomes").AnswersNotFound();
        projects.MapPost("/{id:guid}/approval", ApproveProject).WithName(nameof(ApproveProject))
            .WithSummary("立项 · Approve a submitted project").RequireScope("projects:review").AnswersNotFound().AnswersConflict();
        projects.MapPost("/{id:guid}/rejection", RejectProject).WithName(nameof(RejectProject))
            .WithSummary("不予立项 · Reject a submitted project").RequireScope("projects:review").AnswersNotFound().AnswersConflict();
        projects.MapPost("/{id:guid}/disbursements", DisburseFunds).WithName(nameof(DisburseFunds))
            .WithSummary("拨付资金 · Pay funds to an approved project").RequireScope("projects:review").AnswersNotFound().AnswersConflict();
        projects.MapPost("/{id:guid}/outcomes", RecordOutcome).WithName(nameof(RecordOutcome))
            .WithSummary("登记项目成果 · Record a variety introduced or a technique promoted").AnswersNotFound().AnswersConflict();
        projects.MapPost("/{id:guid}/acceptance", RecordAcceptance).WithName(nameof(RecordAcceptance))
            .WithSummary("项目验收 · Record the acceptance review").RequireScope("projects:review").AnswersNotFound().AnswersConflict();
        return app;
    }

    public static async Task<Results<Created<ProjectResponse>, ValidationProblem>> SubmitProject(
        SubmitProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var application = request.Validate(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var project = Project.Submit(application, BureauCalendar.Today(clock), clock.GetUtcNow());
        db.Projects.Add(project);
        db.AddIntegrationEvent(new ProjectSubmitted(
            project.Id, project.Title, project.Level, project.Field, project.LeadOrganization, project.LeadCreditCode,
            project.Township, project.PlannedStart, project.PlannedEnd, project.BudgetWan, project.SubmittedOn), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/projects/{project.Id}", ProjectResponse.From(project));
    }

    public static async Task<Results<Ok<PagedList<ProjectSummary>>, FileContentHttpResult, ValidationProblem>> ListProjects(
        [AsParameters] ProjectListQuery query, HttpRequest request, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.Projects.AsNoTracking(), errors)
            .OrderByDescending(p => p.SubmittedOn).ThenByDescending(p => p.Id)
            .Select(p => new ProjectSummary(p.Id, p.Title, p.Level, p.Field, p.LeadOrganization, p.Township, p.Status,
                p.SubmittedOn, p.ApprovedOn, p.BudgetWan, p.FundingWan, p.DisbursedWan, p.AcceptedOn))
            .ListAsync(request, query.Page, query.PageSize, errors, ProjectSpreadsheetRow.From, "科技项目清单.xlsx", cancellationToken);
    }

    public static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetProject(
        Guid id, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return project is null ? NotFound(id) : TypedResults.Ok(ProjectResponse.From(project));
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult, ValidationProblem>> ApproveProject(
        Guid id, ApproveProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var approvedOn = BusinessDates.Date(request.ApprovedOn, "approvedOn", errors);
        var fundingWan = Amounts.Wan(request.FundingWan, "fundingWan", errors);
        return ChangeAsync(id, errors, db, clock, (project, now) =>
        {
            project.Approve(approvedOn, fundingWan, now);
            return new ProjectApproved(project.Id, project.Level, project.Field, project.Township, approvedOn, fundingWan);
        }, cancellationToken);
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult, ValidationProblem>> RejectProject(
        Guid id, RejectProjectRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var rejectedOn = BusinessDates.Date(request.RejectedOn, "rejectedOn", errors);
        var reason = errors.Text(request.Reason, "reason", 1000);
        return ChangeAsync(id, errors, db, clock, (project, now) =>
        {
            project.Reject(rejectedOn, reason, now);
            return new ProjectRejected(project.Id, project.Level, project.Field, project.Township, rejectedOn, reason);
        }, cancellationToken);
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult, ValidationProblem>> DisburseFunds(
        Guid id, DisburseFundsRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paidOn = BusinessDates.Date(request.PaidOn, "paidOn", errors);
        var amountWan = Amounts.Wan(request.AmountWan, "amountWan", errors);
        return ChangeAsync(id, errors, db, clock, (project, now) =>
        {
            var disbursement = project.Disburse(paidOn, amountWan, now);
            return new ProjectFundsDisbursed(project.Id, disbursement.Id, project.Level, project.Township, paidOn, amountWan);
        }, cancellationToken);
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult, ValidationProblem>> RecordOutcome(
        Guid id, RecordOutcomeRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var kind = errors.Present(request.Kind, "kind");
        var name = errors.Text(request.Name, "name");
        var recordedOn = BusinessDates.Date(request.RecordedOn, "recordedOn", errors);
        var demoAreaMu = Amounts.Mu(request.DemoAreaMu, "demoAreaMu", errors);
        return ChangeAsync(id, errors, db, clock, (project, now) =>
        {
            var outcome = project.RecordOutcome(kind, name, recordedOn, demoAreaMu, now);
            return new ProjectOutcomeRecorded(project.Id, outcome.Id, kind, name, project.Township, recordedOn, demoAreaMu);
        }, cancellationToken);
    }

    public static Task<Results<Ok<ProjectResponse>, ProblemHttpResult, ValidationProblem>> RecordAcceptance(
        Guid id, RecordAcceptanceRequest request, ProjectsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var acceptedOn = BusinessDates.Date(request.AcceptedOn, "acceptedOn", errors);
        var passed = errors.Present(request.Passed, "passed");
        return ChangeAsync(id, errors, db, clock, (project, now) =>
        {
            project.RecordAcceptance(acceptedOn, passed, now);
            return new ProjectAccepted(project.Id, project.Level, project.Field, project.Township, acceptedOn, passed);
        }, cancellationToken);
    }

    /// <summary>
    /// A state change: 400 for an invalid body, 404 for an unknown project, otherwise the domain rule is applied (409 if
    /// broken) and the new state and its integration event are saved together.
    /// </summary>
    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, ValidationErrors errors, ProjectsDbContext db, TimeProvider clock,
        Func<Project, DateTimeOffset, object> change, CancellationToken cancellationToken)
    {
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound(id);
        }

        db.AddIntegrationEvent(change(project, clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ProjectResponse.From(project));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Project not found", detail: $"No project has id {id}.");
}
