using CountyTech.ServiceDefaults;

namespace CountyTech.Gateway.Admin;

/// <summary>Body of <c>POST /api/v1/admin/clients</c>; checked field by field, so every field may be missing.</summary>
internal sealed record RegisterClientRequest(string? Name, string? Kind, IReadOnlyList<string?>? Scopes, [OptionalField] int? RequestsPerMinute = null);

/// <summary>The registered client with its API key, which is shown this once and never again.</summary>
internal sealed record RegisteredClient(Guid Id, string Name, ClientKind Kind, IReadOnlyList<string> Scopes, int? RequestsPerMinute, string ApiKey);

/// <summary>A client as lists show it: never its key, nor the key's hash.</summary>
internal sealed record ClientSummary(
    Guid Id, string Name, ClientKind Kind, IReadOnlyList<string> Scopes, int? RequestsPerMinute, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt)
{
    public static ClientSummary From(ApiClient client) =>
        new(client.Id, client.Name, client.Kind, client.Scopes, client.RequestsPerMinute, client.CreatedAt, client.CreatedBy, client.RevokedAt);
}
