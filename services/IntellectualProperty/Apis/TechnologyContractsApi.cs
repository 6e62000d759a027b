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

/// <summary>Registered technology contracts: <c>/api/v1/ip/technology-contracts</c> (技术合同登记).</summary>
public static class TechnologyContractsApi
{
    public static IEndpointRouteBuilder MapTechnologyContractsApi(this IEndpointRouteBuilder app)
    {
        var contracts = app.MapGroup("/api/v1/ip/technology-contracts")
            .WithApiTag("Technology contracts", "技术合同登记 · Registered technology contracts and their turnover").WithAreaScopes("ip");
        contracts.MapPost("/", RegisterContract).WithName(nameof(RegisterContract))
            .WithSummary("技术合同登记 · Register a technology contract with its turnover").AnswersConflict();
        contracts.MapGet("/", ListContracts).WithName(nameof(ListContracts))
            .WithSummary("技术合同清单 · List technology contracts (year filters by signing year)");
        contracts.MapGet("/{id:guid}", GetContract).WithName(nameof(GetContract))
            .WithSummary("技术合同详情 · A registered technology contract").AnswersNotFound();
        return app;
    }

    public static async Task<Results<Created<TechnologyContractResponse>, ValidationProblem>> RegisterContract(
        RegisterTechnologyContractRequest request, IntellectualPropertyDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var registration = request.Validate(errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (await db.TechnologyContracts.AnyAsync(c => c.RegistrationNo == registration.RegistrationNo, cancellationToken))
        {
            throw new RuleViolationException($"Technology contract {registration.RegistrationNo} is already registered.");
        }

        var contract = TechnologyContract.Register(registration, clock.GetUtcNow());
        db.TechnologyContracts.Add(contract);
        db.AddIntegrationEvent(new TechnologyContractRegistered(
            contract.Id, contract.RegistrationNo, contract.Type, contract.AmountWan, contract.SignedOn, contract.SellerName,
            contract.SellerCreditCode, contract.BuyerName), clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/ip/technology-contracts/{contract.Id}", TechnologyContractResponse.From(contract));
    }

    public static async Task<Results<Ok<PagedList<TechnologyContractResponse>>, FileContentHttpResult, ValidationProblem>> ListContracts(
        [AsParameters] TechnologyContractListQuery query, HttpRequest request, IntellectualPropertyDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        return await query.Apply(db.TechnologyContracts.AsNoTracking(), errors)
            .OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Id)
            .Select(c => new TechnologyContractResponse(c.Id, c.RegistrationNo, c.Type, c.AmountWan, c.SignedOn, c.SellerName,
                c.SellerCreditCode, c.BuyerName, c.CreatedAt))
            .ListAsync(request, query.Page, query.PageSize, errors, TechnologyContractSpreadsheetRow.From, "技术合同登记清单.xlsx",
                cancellationToken);
    }

    public static async Task<Results<Ok<TechnologyContractResponse>, ProblemHttpResult>> GetContract(
        Guid id, IntellectualPropertyDbContext db, CancellationToken cancellationToken)
    {
        var contract = await db.TechnologyContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return contract is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Technology contract not found",
                detail: $"No technology contract has id {id}.")
            : TypedResults.Ok(TechnologyContractResponse.From(contract));
    }
}
