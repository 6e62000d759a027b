using System.Collections.Concurrent;
using CountyTech.Gateway.Authorization;
using CountyTech.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Authentication;

/// <summary>A client recognised by its key: its id, name, scopes and its own rate limit, if any.</summary>
internal sealed record KnownClient(string ClientId, string Name, IReadOnlyList<string> Scopes, int? RequestsPerMinute);

/// <summary>
/// Finds the client that owns a presented API key. A key found valid is remembered for <see cref="LookupLifetime"/>,
/// so a busy client costs one database read a second, and a revoked key stops working within that time on every
/// gateway instance (at once on the one that revoked it). The requests that find a key's entry expired together share
/// one read (issue 7: at 32 connections each expiry cost up to 32 reads). Unknown keys are never remembered: they cannot
/// fill memory, and the requests presenting them are limited before they get here
/// (<see cref="Limits.UnauthenticatedLimitMiddleware"/>).
/// </summary>
internal sealed class ApiClientDirectory(IServiceScopeFactory scopes, BootstrapAdminKey adminKey, TimeProvider clock)
{
    public static readonly TimeSpan LookupLifetime = TimeSpan.FromSeconds(1);

    /// <summary>The name the bootstrap admin key is recorded under (audit trail).</summary>
    public const string BootstrapName = "初始管理员密钥 (COUNTYTECH_ADMIN_KEY)";

    private static readonly KnownClient Bootstrap = new(ClientIds.Bootstrap, BootstrapName, [Scopes.Admin], null);
    private readonly ConcurrentDictionary<string, (KnownClient Client, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<KnownClient?>>> _reads = new(StringComparer.Ordinal);
    private int _revocations;

    public async Task<KnownClient?> FindAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(presentedKey);
        if (adminKey.Matches(hash))
        {
            return Bootstrap;
        }

        var cacheKey = Convert.ToHexString(hash);
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(cacheKey, out var known) && known.Until > now)
        {
            return known.Client;
        }

        Lazy<Task<KnownClient?>>? read = null;
        read = new Lazy<Task<KnownClient?>>(() => ReadAsync(cacheKey, hash, read!));
        return await _reads.GetOrAdd(cacheKey, read).Value.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// One read of a key, shared by every request waiting for it (so no caller's cancellation ends it). What it finds is
    /// remembered only if no client was revoked on this instance meanwhile: a read begun before a revocation may have
    /// seen the client still valid.
    /// </summary>
    private async Task<KnownClient?> ReadAsync(string cacheKey, byte[] hash, Lazy<Task<KnownClient?>> read)
    {
        var revocations = Volatile.Read(ref _revocations);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var client = await scope.ServiceProvider.GetRequiredService<GatewayDbContext>().ApiClients.AsNoTracking()
                .Where(c => c.KeyHash == hash && c.RevokedAt == null)
                .Select(c => new { c.Id, c.Name, c.Scopes, c.RequestsPerMinute })
                .SingleOrDefaultAsync();
            if (client is null)
            {
                _valid.TryRemove(cacheKey, out _);
                return null;
            }

            var found = new KnownClient(ClientIds.ForKey(client.Id), client.Name, client.Scopes, client.RequestsPerMinute);
            if (Volatile.Read(ref _revocations) == revocations)
            {
                _valid[cacheKey] = (found, clock.GetUtcNow() + LookupLifetime);
            }

            return found;
        }
        finally
        {
            _reads.TryRemove(KeyValuePair.Create(cacheKey, read));
        }
    }

    /// <summary>
    /// Forgets a revoked client's key on this instance, so that it is refused from the next request: reads still running
    /// are left to the requests that wait for them, and later requests read again.
    /// </summary>
    public void Forget(Guid clientId)
    {
        Interlocked.Increment(ref _revocations);
        _reads.Clear();
        var revoked = ClientIds.ForKey(clientId);
        foreach (var entry in _valid.Where(entry => entry.Value.Client.ClientId == revoked))
        {
            _valid.TryRemove(entry.Key, out _);
        }
    }
}
