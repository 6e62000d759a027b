using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CountyTech.ServiceDefaults;

/// <summary>The client a request comes from and the scopes it was granted, as the gateway vouches for them.</summary>
public sealed record Caller(string ClientId, IReadOnlySet<string> Scopes)
{
    public const string AdminScope = "admin";

    /// <summary>Whether the caller holds <paramref name="scope"/>; <c>admin</c> implies every scope.</summary>
    public bool Has(string scope) => Scopes.Contains(AdminScope) || Scopes.Contains(scope);
}

/// <summary>
/// The calling client of a service's request (调用方身份), taken only from a request the gateway proved
/// (<see cref="GatewayProof"/>): anything else is refused with 401, health probes aside. The caller is put on the
/// request's span and in the log scope of everything the request writes, and a POST with an <c>Idempotency-Key</c>
/// takes effect once (<see cref="IdempotencyMiddleware"/>). Where no gateway secret is configured (Development only:
/// a service run on its own, its integration tests) proofs are not checked and the caller holds every scope.
/// </summary>
public static class CallerIdentity
{
    public const string HeaderName = "X-CountyTech-Client-Id";
    public const string TagName = "countytech.client_id";

    /// <summary>The caller of a request that names none where proofs are not checked (Development only).</summary>
    public const string DevelopmentClient = "development";

    /// <summary>The longest client id: <c>jwt:</c> and a token's identifier of up to 255 characters; columns holding one are this wide.</summary>
    public const int MaxClientIdLength = 4 + 255;

    /// <summary>The caller of the request, or null for an anonymous one (the OpenAPI document) or before the check.</summary>
    public static Caller? Of(HttpContext context) => context.Features.Get<Caller>();

    /// <summary>Checks the gateway's proof, then makes POSTs with an <c>Idempotency-Key</c> idempotent. Every service calls it once.</summary>
    public static IApplicationBuilder UseCallerIdentity(this IApplicationBuilder app) =>
        app.UseMiddleware<CallerProofMiddleware>().UseIdempotentRequests();

    /// <summary>
    /// The service's own check of an operation the gateway also reserves to a scope (<c>admin</c> for rebuilding
    /// Reporting's projections): a caller without it is answered 403, even if a route at the gateway let it through.
    /// The OpenAPI document states the scope too.
    /// </summary>
    public static TBuilder RequireCallerScope<TBuilder>(this TBuilder builder, string scope) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireScope(scope).AddEndpointFilter(async (invocation, next) =>
            Of(invocation.HttpContext)?.Has(scope) == true
                ? await next(invocation)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"This request needs the scope '{scope}'."));

    private sealed class CallerProofMiddleware(RequestDelegate next, GatewaySecret secret, TimeProvider clock, ILoggerFactory loggers)
    {
        private static readonly IReadOnlySet<string> EveryScope = new HashSet<string>(StringComparer.Ordinal) { Caller.AdminScope };
        private readonly ILogger _audit = loggers.CreateLogger("CountyTech.Audit");

        public async Task InvokeAsync(HttpContext context)
        {
            if (Extensions.IsHealthProbe(context.Request.Path))
            {
                await next(context);
                return;
            }

            var request = context.Request;
            var clientId = request.Headers[HeaderName].ToString();
            var scopes = request.Headers[GatewayProof.ScopesHeader].ToString();
            if (secret.Key is { } key)
            {
                var proven = new ProvenRequest(request.Method, request.Path.Value ?? string.Empty, DecodedQuery(request.QueryString),
                    clientId, scopes, request.Headers[IdempotencyKey.HeaderName].ToString());
                if (!GatewayProof.Verify(key, request.Headers[GatewayProof.HeaderName].ToString(), proven, clock.GetUtcNow()))
                {
                    await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not called through the gateway",
                        detail: "This service answers only requests the CountyTech gateway forwards; call it through the gateway.").ExecuteAsync(context);
                    return;
                }
            }

            if (secret.Key is null && clientId.Length == 0)
            {
                clientId = DevelopmentClient;
            }

            if (clientId.Length == 0)
            {
                await next(context);
                return;
            }

            context.Features.Set(new Caller(clientId, secret.Key is null
                ? EveryScope
                : scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)));
            Activity.Current?.SetTag(TagName, clientId);
            using (_audit.BeginScope(new Dictionary<string, object> { ["ClientId"] = clientId }))
            {
                await next(context);
            }
        }
    }

    /// <summary>The query as both ends of a proof see it, whatever escaping the hop between them chose.</summary>
    public static string DecodedQuery(QueryString query) => Uri.UnescapeDataString(query.Value ?? string.Empty);
}

/// <summary>The platform's gateway secret (<see cref="GatewayProof.SecretVariable"/>), or null where proofs are not checked.</summary>
public sealed record GatewaySecret(byte[]? Key);
