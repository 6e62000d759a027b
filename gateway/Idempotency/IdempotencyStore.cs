using CountyTech.Gateway.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CountyTech.Gateway.Idempotency;

/// <summary>
/// Idempotency records in <c>gateway-db</c>. A key is claimed with one atomic upsert, so of two concurrent requests
/// with the same key exactly one is granted it, whichever gateway instance they reach. A record whose retention has
/// passed, or whose claim was abandoned, can be claimed again.
/// </summary>
internal sealed class IdempotencyStore(GatewayDbContext db, TimeProvider clock, IOptions<IdempotencyOptions> options)
{
    private const int ClaimAttempts = 3;
    private readonly IdempotencyOptions _options = options.Value;

    public async Task<IdempotencyClaim> ClaimAsync(string clientId, string key, byte[] fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var leaseId = Guid.CreateVersion7(now);
            if (await TryInsertOrTakeOverAsync(clientId, key, fingerprint, leaseId, now, cancellationToken))
            {
                return new IdempotencyClaim.Granted(leaseId);
            }

            var existing = await db.IdempotentRequests.AsNoTracking()
                .SingleOrDefaultAsync(r => r.ClientId == clientId && r.IdempotencyKey == key, cancellationToken);
            if (existing is not null)
            {
                return Judge(existing, fingerprint);
            }

            // Released between the two statements; claim again.
            if (attempt == ClaimAttempts)
            {
                return new IdempotencyClaim.InFlight();
            }
        }
    }

    /// <summary>Records the answer, if the lease still holds the key.</summary>
    public Task CompleteAsync(string clientId, string key, Guid leaseId, StoredResponse response, CancellationToken cancellationToken) =>
        Leased(clientId, key, leaseId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.CompletedAt, clock.GetUtcNow())
            .SetProperty(r => r.StatusCode, response.StatusCode)
            .SetProperty(r => r.ContentType, response.ContentType)
            .SetProperty(r => r.Location, response.Location)
            .SetProperty(r => r.Body, response.Body), cancellationToken);

    /// <summary>Gives the key up (the request failed on the server side), so that a retry is forwarded.</summary>
    public Task ReleaseAsync(string clientId, string key, Guid leaseId, CancellationToken cancellationToken) =>
        Leased(clientId, key, leaseId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Deletes the records whose retention has passed; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.IdempotentRequests.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> TryInsertOrTakeOverAsync(
        string clientId, string key, byte[] fingerprint, Guid leaseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expiresAt = now + _options.Retention;
        var abandonedBefore = now - _options.InFlightTimeout;
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO idempotent_requests (client_id, idempotency_key, fingerprint, lease_id, started_at, expires_at)
            VALUES ({clientId}, {key}, {fingerprint}, {leaseId}, {now}, {expiresAt})
            ON CONFLICT (client_id, idempotency_key) DO UPDATE
            SET fingerprint = excluded.fingerprint, lease_id = excluded.lease_id, started_at = excluded.started_at,
                expires_at = excluded.expires_at, completed_at = NULL, status_code = NULL, content_type = NULL,
                location = NULL, body = NULL
            WHERE idempotent_requests.expires_at <= {now}
               OR (idempotent_requests.completed_at IS NULL AND idempotent_requests.started_at <= {abandonedBefore})
            """, cancellationToken);
        return rows == 1;
    }

    private static IdempotencyClaim Judge(IdempotentRequest existing, byte[] fingerprint) =>
        !existing.Fingerprint.AsSpan().SequenceEqual(fingerprint) ? new IdempotencyClaim.Mismatch()
        : existing is { CompletedAt: not null, StatusCode: { } status }
            ? new IdempotencyClaim.Answered(new StoredResponse(status, existing.ContentType, existing.Location, existing.Body ?? []))
            : new IdempotencyClaim.InFlight();

    private IQueryable<IdempotentRequest> Leased(string clientId, string key, Guid leaseId) =>
        db.IdempotentRequests.Where(r => r.ClientId == clientId && r.IdempotencyKey == key && r.LeaseId == leaseId);
}
