using CountyTech.BureauRules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// <c>Idempotency-Key</c> on a POST (API.md), kept where the effect commits: the first request's
/// <see cref="IdempotentRequest"/> row is saved by the same <c>SaveChanges</c> as its effect (see
/// <see cref="RequestIdempotency"/>) and its answer is recorded before it is sent. A repeat from the same client gets
/// that answer (<c>Idempotent-Replayed: true</c>) and changes nothing, also when the first caller hung up, the gateway
/// restarted or timed out in between; a repeat that arrives while the first is still running waits for it (its row
/// holds the repeat back in the database) and gets the same answer. The key reused for another request is 409. An
/// answer without an effect (400, 404, 409) is not kept: nothing changed, so the repeat is simply answered again.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var values)
            || CallerIdentity.Of(context) is not { } caller
            || context.RequestServices.GetService<IdempotencyStore>() is not { } store)
        {
            await next(context);
            return;
        }

        if (!IdempotencyKey.TryRead(values, out var key, out var error))
        {
            var errors = new ValidationErrors();
            errors.Add(IdempotencyKey.HeaderName, error);
            await errors.ToProblem().ExecuteAsync(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var fingerprint = await RequestFingerprint.ComputeAsync(context.Request, cancellationToken);
        if (await store.FindAsync(caller.ClientId, key, cancellationToken) is { } earlier)
        {
            await AnswerRepeatAsync(context, store, earlier, fingerprint);
            return;
        }

        var now = clock.GetUtcNow();
        var idempotency = RequestIdempotency.Begin(new IdempotentRequest
        {
            ClientId = caller.ClientId,
            IdempotencyKey = key,
            Fingerprint = fingerprint,
            AppliedAt = now,
            ExpiresAt = now + options.Value.Retention,
        });

        var callerBody = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        catch (DbUpdateException) when (idempotency.ClaimAttempted)
        {
            // A request with the same key committed first (its row held this one's back until then): this one's effect
            // is rolled back, and it answers as the first did. Without such a row the failure is the request's own.
            context.Response.Body = callerBody;
            if (!await AnsweredAsTheFirstAsync(context, store, caller.ClientId, key, fingerprint))
            {
                throw;
            }

            return;
        }
        finally
        {
            context.Response.Body = callerBody;
        }

        // Refused before it claimed the key, by the state a request with the same key left when it committed while this
        // one ran (a project already approved, by the approval this one repeats): answered as the first was.
        if (!idempotency.ClaimAttempted && !IsSuccess(context.Response.StatusCode)
            && await AnsweredAsTheFirstAsync(context, store, caller.ClientId, key, fingerprint))
        {
            return;
        }

        if (idempotency.ClaimSaved)
        {
            // Recorded even when the caller has left (only shutdown stops it), so that its retry finds the answer.
            var response = context.Response;
            var location = response.Headers.Location.ToString();
            await store.RecordAnswerAsync(caller.ClientId, key, response.StatusCode, response.ContentType, location.Length > 0 ? location : null,
                HoldsSecret(context) && IsSuccess(response.StatusCode) ? [] : answer.ToArray(), lifetime.ApplicationStopping);
        }

        answer.Position = 0;
        await answer.CopyToAsync(callerBody, cancellationToken);
    }

    /// <summary>
    /// If a request with the same key has committed, this one's own answer is dropped and it answers as that one did;
    /// false (nothing written) when there is none.
    /// </summary>
    private async Task<bool> AnsweredAsTheFirstAsync(HttpContext context, IdempotencyStore store, string clientId, string key, byte[] fingerprint)
    {
        if (await store.FindAsync(clientId, key, CancellationToken.None) is not { } first)
        {
            return false;
        }

        context.Response.Clear();
        await AnswerRepeatAsync(context, store, first, fingerprint);
        return true;
    }

    private async Task AnswerRepeatAsync(HttpContext context, IdempotencyStore store, IdempotentRequest earlier, byte[] fingerprint)
    {
        if (!earlier.Fingerprint.AsSpan().SequenceEqual(fingerprint))
        {
            await Conflict(context, "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request (method, path or body).");
            return;
        }

        var answered = earlier.AnsweredAt is null
            ? await store.WaitForAnswerAsync(earlier.ClientId, earlier.IdempotencyKey, options.Value.AnswerWait, context.RequestAborted)
            : earlier;
        if (answered is not { StatusCode: { } status })
        {
            await Conflict(context, "Request in progress",
                "A request with this Idempotency-Key has taken effect and its answer is being recorded; retry in a moment to get it.");
            return;
        }

        var response = context.Response;
        if (answered.Location is not null)
        {
            response.Headers[HeaderNames.Location] = answered.Location;
        }

        if (HoldsSecret(context) && IsSuccess(status))
        {
            await Conflict(context, "Already done",
                "A request with this Idempotency-Key was already processed (see Location); its answer held a secret that is " +
                "shown only once, so it is not replayed.");
            return;
        }

        response.StatusCode = status;
        if (answered.ContentType is not null)
        {
            response.ContentType = answered.ContentType;
        }

        response.Headers[ReplayedHeader] = "true";
        var body = answered.Body ?? [];
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static Task Conflict(HttpContext context, string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail).ExecuteAsync(context);

    private static bool HoldsSecret(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<ResponseHoldsSecret>() is not null;

    private static bool IsSuccess(int statusCode) => statusCode is >= 200 and < 300;
}

public static class IdempotencyMiddlewareExtensions
{
    /// <summary>Idempotent POSTs for the endpoints after it (services get it from <c>UseCallerIdentity</c>).</summary>
    public static IApplicationBuilder UseIdempotentRequests(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();
}
