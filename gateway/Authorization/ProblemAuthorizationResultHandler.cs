using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CountyTech.Gateway.Authorization;

/// <summary>
/// Answers a refused request with problem details: 401 when the caller sent no valid credentials, 403 when the
/// credentials lack the scope (naming the scope that is needed).
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            await context.ChallengeAsync();
            await context.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required",
                "Send a valid API key in the X-Api-Key header (or a bearer token where the platform accepts them).");
        }
        else if (authorizeResult.Forbidden)
        {
            await context.ForbidAsync();
            var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).ToList() ?? [];
            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
                reasons.Count > 0 ? string.Join(' ', reasons) : "The credentials do not allow this request.");
        }
        else
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
