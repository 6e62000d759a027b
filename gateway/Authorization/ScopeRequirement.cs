using CountyTech.Gateway.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CountyTech.Gateway.Authorization;

/// <summary>A route's need: the read or write scope of its <see cref="Area"/> (or <c>admin</c>, for the admin area).</summary>
internal sealed record ScopeRequirement(string Area) : IAuthorizationRequirement;

/// <summary>Checks the caller's scopes against the scope the request's method needs in the route's area.</summary>
internal sealed class ScopeAuthorizationHandler : AuthorizationHandler<ScopeRequirement, HttpContext>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, ScopeRequirement requirement, HttpContext resource)
    {
        var required = Scopes.RequiredFor(requirement.Area, resource.Request.Method);
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
