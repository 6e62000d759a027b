using CountyTech.BureauRules;
using CountyTech.ServiceDefaults;
using Yarp.ReverseProxy.Model;

namespace CountyTech.Gateway.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> at the gateway (API.md). A malformed key is 400 here. A forwarded POST's key travels to the
/// service with the caller, bound into the gateway's proof, and the service records it in the transaction of its
/// effect, so a retry never acts twice whatever happens between the two (see <see cref="IdempotencyMiddleware"/>).
/// Such a POST is no longer cut off when its caller hangs up, only by shutdown: the service finishes, and the retry gets
/// its answer. The gateway's own endpoints (client admin) keep their keys in <c>gateway-db</c> the same way.
/// </summary>
internal static class IdempotencyKeys
{
    public static WebApplication UseIdempotencyKeys(this WebApplication app)
    {
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var values)
                && CallerIdentity.Of(context) is not null)
            {
                if (!IdempotencyKey.TryRead(values, out _, out var error))
                {
                    var errors = new ValidationErrors();
                    errors.Add(IdempotencyKey.HeaderName, error);
                    await errors.ToProblem().ExecuteAsync(context);
                    return;
                }

                if (IsForwarded(context))
                {
                    context.RequestAborted = lifetime.ApplicationStopping;
                }
            }

            await next(context);
        });
        app.UseWhen(context => !IsForwarded(context), own => own.UseIdempotentRequests());
        return app;
    }

    /// <summary>Whether the request goes to a service (a YARP route) rather than to the gateway's own endpoints.</summary>
    public static bool IsForwarded(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is not null;
}
