using System.Security.Claims;
using CountyTech.BureauRules;
using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Infrastructure;
using CountyTech.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Admin;

/// <summary>
/// Client admin (接入系统管理), served by the gateway itself and only to scope <c>admin</c>: register a client and get
/// its API key once, list clients, revoke a client (its key stops working at once).
/// </summary>
internal static class ClientAdminApi
{
    public const string BasePath = "/api/v1/admin/clients";

    public static WebApplication MapClientAdminApi(this WebApplication app)
    {
        var clients = app.MapGroup(BasePath)
            .RequireAuthorization(ScopePolicies.Admin)
            .WithApiTag("Client admin", "接入系统管理 · City systems and department apps, their API keys, scopes and rate limits")
            .RequireScope(Scopes.Admin);

        // The answer carries the new API key, which is never stored: a repeated Idempotency-Key gets 409, not a replay.
        clients.MapPost("", RegisterClient).WithName(nameof(RegisterClient)).WithMetadata(ResponseHoldsSecret.Instance)
            .WithSummary("登记接入系统 · Register a client and get its API key, shown once").AnswersConflict();
        clients.MapGet("", ListClients).WithName(nameof(ListClients))
            .WithSummary("接入系统清单 · List clients");
        clients.MapGet("/{id}", GetClient).WithName(nameof(GetClient))
            .WithSummary("接入系统详情 · A client").AnswersNotFound();
        clients.MapDelete("/{id}", RevokeClient).WithName(nameof(RevokeClient))
            .WithSummary("吊销接入系统 · Revoke a client: its key stops working at once").AnswersNotFound();
        return app;
    }

    public static async Task<Results<Created<RegisteredClient>, ValidationProblem>> RegisterClient(
        RegisterClientRequest request, ClaimsPrincipal user, GatewayDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var registration = ClientRegistration.Validate(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var apiKey = ApiKeys.Generate();
        var createdBy = ClientPrincipal.ClientIdOf(user)
            ?? throw new InvalidOperationException("Client admin is reached only by an authenticated administrator.");
        var client = ApiClient.Register(registration, ApiKeys.Hash(apiKey), createdBy, clock.GetUtcNow());
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Created(
            $"{BasePath}/{client.Id}", new RegisteredClient(client.Id, client.Name, client.Kind, client.Scopes, client.RequestsPerMinute, apiKey));
    }

    public static async Task<Results<Ok<PagedList<ClientSummary>>, ValidationProblem>> ListClients(
        int? page, int? pageSize, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var pageRequest = PageRequest.From(page, pageSize, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var list = await db.ApiClients.AsNoTracking()
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToPageAsync(pageRequest, ClientSummary.From, cancellationToken);
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<ClientSummary>, ProblemHttpResult>> GetClient(
        string id, GatewayDbContext db, CancellationToken cancellationToken)
    {
        var client = Guid.TryParse(id, out var clientId)
            ? await db.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
            : null;
        return client is null ? UnknownClient(id) : TypedResults.Ok(ClientSummary.From(client));
    }

    /// <summary>Revokes a client: refused at once on this gateway, within <see cref="ApiClientDirectory.LookupLifetime"/> on any other.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeClient(
        string id, GatewayDbContext db, ApiClientDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var client = Guid.TryParse(id, out var clientId)
            ? await db.ApiClients.SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken)
            : null;
        if (client is null)
        {
            return UnknownClient(id);
        }

        client.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(client.Id);
        return TypedResults.NoContent();
    }

    /// <summary>Any id that names no client, a UUID or not, is an unknown id (404).</summary>
    private static ProblemHttpResult UnknownClient(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown client", detail: $"No client has the id '{id}'.");
}
