using CountyTech.Gateway.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CountyTech.Gateway.Authorization;

/// <summary>
/// A route's need: the read or write scope of its <see cref="Area"/> by the request's method, or exactly
/// <see cref="Scope"/> (<c>admin</c>, <c>projects:review</c>) for a reserved operation.
/// </summary>
internal sealed record ScopeRequirement(string? Area, string? Scope) : IAuthorizationRequirement
{
    public static ScopeRequirement ForArea(string area) => new(area, null);

    public static ScopeRequirement Exactly(string scope) => new(null, scope);
}

/// <summary>Checks the caller's scopes against the scope the request's method needs in the route's area.</summary>
internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, ScopeRequirement requirement, HttpContext resource)
    {
        var required = requirement.Scope ?? Scopes.RequiredFor(requirement.Area!, resource.Request.Method);
        if (Scopes.Grant(ClientPrincipal.ScopesOf(context.User), required))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"This request needs the scope '{required}'."));
        }

        return Task.CompletedTask;
    }
}
