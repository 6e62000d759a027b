using CountyTech.BureauRules;
using CountyTech.Gateway.Authorization;
using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway.Admin;

/// <summary>A registration request that passed its checks: a name, a kind, and known scopes without repeats.</summary>
internal sealed record ClientRegistration(string Name, ClientKind Kind, IReadOnlyList<string> Scopes)
{
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

        return new ClientRegistration(name, kind.GetValueOrDefault(), [.. scopes.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
