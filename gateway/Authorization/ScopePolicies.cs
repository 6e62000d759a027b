using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace CountyTech.Gateway.Authorization;

/// <summary>
/// One authorization policy per area (<c>scope:projects</c>…) and <c>scope:admin</c>; routes name them. Anything
/// that names none falls to the fallback policy, which denies.
/// </summary>
internal static class ScopePolicies
{
    public static readonly string Admin = For(Scopes.Admin);

    public static string For(string area) => "scope:" + area;

    public static IServiceCollection AddScopeAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();

        var authorization = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(_ => false)
                .Build());
        foreach (var area in Scopes.Areas.Append(Scopes.Admin))
        {
            authorization.AddPolicy(For(area), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(area)));
        }

        return services;
    }
}
