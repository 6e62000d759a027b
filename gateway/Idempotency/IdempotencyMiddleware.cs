using CountyTech.Gateway.Authentication;
using Microsoft.Net.Http.Headers;

namespace CountyTech.Gateway.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on any POST (API.md), for every service at once: the first request with a key is forwarded
/// and its answer recorded; a repeat from the same client within the retention gets that answer again and never
/// reaches the service; the key reused for another request, or repeated while the first is still in flight, is 409.
/// Server errors (5xx) are not recorded, so a retry is forwarded. Runs after authorization: only allowed requests
/// claim keys.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, IdempotencyStore store)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || !context.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var values)
            || ClientPrincipal.ClientIdOf(context.User) is not { } clientId)
        {
            await next(context);
            return;
        }

        if (!IdempotencyKey.TryRead(values, out var key, out var error))
        {
            await context.WriteProblemAsync(StatusCodes.Status400BadRequest, "Invalid Idempotency-Key", error,
                new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = [error] });
            return;
        }

        var cancellationToken = context.RequestAborted;
        var holdsSecret = context.GetEndpoint()?.Metadata.GetMetadata<ResponseHoldsSecret>() is not null;
        var fingerprint = await RequestFingerprint.ComputeAsync(context.Request, cancellationToken);
        switch (await store.ClaimAsync(clientId, key, fingerprint, cancellationToken))
        {
            case IdempotencyClaim.Granted granted:
                await ForwardAndRecordAsync(context, store, clientId, key, granted.LeaseId, holdsSecret);
                break;
            case IdempotencyClaim.Answered answered when holdsSecret && IsSuccess(answered.Response.StatusCode):
                context.Response.Headers.Location = answered.Response.Location;
                await context.WriteProblemAsync(StatusCodes.Status409Conflict, "Already done",
                    "A request with this Idempotency-Key was already processed (see Location); its answer held a secret " +
                    "that is shown only once, so it is not replayed.");
                break;
            case IdempotencyClaim.Answered answered:
                await ReplayAsync(context, answered.Response, cancellationToken);
                break;
            case IdempotencyClaim.Mismatch:
                await context.WriteProblemAsync(StatusCodes.Status409Conflict, "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request (method, path or body).");
                break;
            default:
                await context.WriteProblemAsync(StatusCodes.Status409Conflict, "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry later to get its answer.");
                break;
        }
    }

    /// <summary>
    /// Forwards the request with its answer held back, records the answer, and only then sends it: a caller that
    /// repeats the key as soon as it has the answer finds it recorded.
    /// </summary>
    private async Task ForwardAndRecordAsync(
        HttpContext context, IdempotencyStore store, string clientId, string key, Guid leaseId, bool holdsSecret)
    {
        // Recording must not be skipped because the caller hung up after the service answered: only shutdown stops it.
        var recording = lifetime.ApplicationStopping;
        var callerBody = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(clientId, key, leaseId, recording);
            throw;
        }
        finally
        {
            context.Response.Body = callerBody;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            // The caller left before the answer: whether the service acted is unknown, so the key stays claimed until
            // the in-flight timeout rather than letting an immediate retry act twice.
            return;
        }

        var response = context.Response;
        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            await store.ReleaseAsync(clientId, key, leaseId, recording);
        }
        else
        {
            var location = response.Headers.Location.ToString();
            var body = holdsSecret && IsSuccess(response.StatusCode) ? [] : answer.ToArray();
            var stored = new StoredResponse(response.StatusCode, response.ContentType, location.Length > 0 ? location : null, body);
            await store.CompleteAsync(clientId, key, leaseId, stored, recording);
        }

        answer.Position = 0;
        await answer.CopyToAsync(callerBody, context.RequestAborted);
    }

    private static bool IsSuccess(int statusCode) => statusCode is >= 200 and < 300;

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        if (stored.ContentType is not null)
        {
            response.ContentType = stored.ContentType;
        }

        if (stored.Location is not null)
        {
            response.Headers[HeaderNames.Location] = stored.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = stored.Body.Length;
        await response.Body.WriteAsync(stored.Body, cancellationToken);
    }
}
