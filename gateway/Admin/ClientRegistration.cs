using CountyTech.BureauRules;
using CountyTech.Gateway.Authorization;
using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway.Admin;

/// <summary>
/// A registration request that passed its checks: a name, a kind, known scopes without repeats, and the client's own
/// rate limit if the administrator sets one.
/// </summary>
internal sealed record ClientRegistration(string Name, ClientKind Kind, IReadOnlyList<string> Scopes, int? RequestsPerMinute)
{
    /// <summary>Far beyond any county system's need (some 1,700 requests a second), and well inside an int.</summary>
    public const int MaxRequestsPerMinute = 100_000;

    public static ClientRegistration Validate(RegisterClientRequest request, ValidationErrors errors)
    {
        var name = errors.Text(request.Name, "name");

        errors.Require(!string.IsNullOrWhiteSpace(request.Kind), "kind", "kind is required.");
        var kind = ApiEnum.Parse<ClientKind>(request.Kind, "kind", errors);

        var scopes = request.Scopes ?? [];
        errors.Require(scopes.Count > 0, "scopes", "scopes must name at least one scope.");
        foreach (var scope in scopes.Where(s => s is null || !Authorization.Scopes.All.Contains(s)))
        {
            errors.Add("scopes", $"'{scope}' is not a scope; known scopes: {string.Join(", ", Authorization.Scopes.All.Order(StringComparer.Ordinal))}.");
        }

        errors.Require(request.RequestsPerMinute is null or (>= 1 and <= MaxRequestsPerMinute), "requestsPerMinute",
            $"requestsPerMinute must be a whole number from 1 to {MaxRequestsPerMinute}, or left out for the default.");

        return new ClientRegistration(name, kind.GetValueOrDefault(),
            [.. scopes.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], request.RequestsPerMinute);
    }
}
