using CountyTech.Gateway.Routing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CountyTech.Gateway.Authorization;

/// <summary>
/// One authorization policy per area (<c>scope:projects</c>…), one per reserved scope (<c>scope:admin</c>,
/// <c>scope:projects:review</c>); routes name them. Anything that names none falls to the fallback policy, which denies.
/// </summary>
internal static class ScopePolicies
{
    public static readonly string Admin = For(Scopes.Admin);

    /// <summary>The policy of an area (<c>scope:projects</c>) or of a reserved scope (<c>scope:projects:review</c>).</summary>
    public static string For(string areaOrScope) => "scope:" + areaOrScope;

    public static IServiceCollection AddScopeAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(_ => false)
                .Build());
        foreach (var area in Scopes.Areas)
        {
            authorization.AddPolicy(For(area), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(ScopeRequirement.ForArea(area)));
        }

        foreach (var scope in RouteTable.ReservedOperations.Select(o => o.Scope).Append(Scopes.Admin).Distinct())
        {
            authorization.AddPolicy(For(scope), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(ScopeRequirement.Exactly(scope)));
        }

        return services;
    }
}
