using System.Diagnostics;
using System.Text.Json;
using CountyTech.Gateway.Authentication;
using CountyTech.Gateway.Infrastructure;
using CountyTech.Gateway.Routing;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Audit;

/// <summary>
/// Records every write of an authenticated client (any method but GET, HEAD and OPTIONS) in the audit trail of
/// <c>gateway-db</c>, refused ones included: the entry is committed before the request goes any further (so nothing
/// takes effect unrecorded) and completed with the answer's status, the id of what it created, whether it was a
/// replay, and the figures the service reports changed. Runs after authentication and the client's rate limit, so a
/// flood of requests without valid credentials writes nothing.
/// </summary>
internal sealed class AuditTrailMiddleware(
    RequestDelegate next, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AuditTrailMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || ClientPrincipal.ClientIdOf(context.User) is not { } clientId)
        {
            await next(context);
            return;
        }

        // Resolved here, not as a parameter of InvokeAsync: a read never pays for a database context.
        var db = context.RequestServices.GetRequiredService<GatewayDbContext>();
        var entry = AuditEntry.Begin(clock.GetUtcNow(), clientId, ClientPrincipal.NameOf(context.User), request.Method,
            $"{request.Path}{request.QueryString}", ResourceIds.FromPath(request.Path.Value),
            Activity.Current?.TraceId.ToHexString() ?? ProblemDetailsDefaults.TraceIdOf(context));
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(context.RequestAborted);
        db.Entry(entry).State = EntityState.Detached;

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            await CompleteAsync(context, db, entry, status);
        }
    }

    private async Task CompleteAsync(HttpContext context, GatewayDbContext db, AuditEntry entry, int status)
    {
        var response = context.Response;
        var resourceId = entry.ResourceId ?? ResourceIds.FromLocation(response.Headers.Location.ToString());
        var replayed = response.Headers[IdempotencyMiddleware.ReplayedHeader] == "true";
        var changes = context.Items[ForwardedIdentity.ChangesItem] as string;
        if (changes is not null && !IsJson(changes))
        {
            logger.LogWarning("The changes reported for {Method} {Path} are not JSON; recorded without them", entry.Method, entry.Path);
            changes = null;
        }

        try
        {
            // Only shutdown stops it: the entry is completed even when the caller has hung up.
            await db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Status, status)
                .SetProperty(e => e.ResourceId, resourceId)
                .SetProperty(e => e.Replayed, replayed)
                .SetProperty(e => e.Changes, changes), lifetime.ApplicationStopping);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or OperationCanceledException)
        {
            logger.LogError(ex, "Could not complete audit entry {EntryId} of {Method} {Path} (status {Status}); it stays without a status",
                entry.Id, entry.Method, entry.Path, status);
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
