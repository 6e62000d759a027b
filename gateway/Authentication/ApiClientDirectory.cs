using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Authentication;

/// <summary>A client recognised by its key: its id and its scopes.</summary>
internal sealed record KnownClient(string ClientId, IReadOnlyList<string> Scopes);

/// <summary>
/// Finds the client that owns a presented API key. Every request reads the database (an index on the key hash), so a
/// revoked client is refused from the very next request, on every gateway instance.
/// </summary>
internal sealed class ApiClientDirectory(GatewayDbContext db, BootstrapAdminKey adminKey)
{
    public async Task<KnownClient?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(presentedKey);
        if (adminKey.Matches(hash))
        {
            return new KnownClient(ClientIds.Bootstrap, [Scopes.Admin]);
        }

        var client = await db.ApiClients.AsNoTracking()
            .Where(c => c.KeyHash == hash && c.RevokedAt == null)
            .Select(c => new { c.Id, c.Scopes })
            .SingleOrDefaultAsync(cancellationToken);
        return client is null ? null : new KnownClient(ClientIds.ForKey(client.Id), client.Scopes);
    }
}
