using Microsoft.EntityFrameworkCore;

namespace CountyTech.ServiceDefaults;

/// <summary>Reads and completes the <see cref="IdempotentRequest"/> rows of a service's own database.</summary>
public sealed class IdempotencyStore(DbContext db, TimeProvider clock)
{
    private static readonly TimeSpan AnswerPoll = TimeSpan.FromMilliseconds(100);

    /// <summary>The row of a key, if its effect committed and it has not expired; an expired row is deleted.</summary>
    public async Task<IdempotentRequest?> FindAsync(string clientId, string key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var found = await Of(clientId, key).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (found is null || found.ExpiresAt > now)
        {
            return found;
        }

        await Of(clientId, key).Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// The row of a key once its answer is recorded, which follows the commit of its effect within moments; after
    /// <paramref name="patience"/> the row as it is.
    /// </summary>
    public async Task<IdempotentRequest?> WaitForAnswerAsync(string clientId, string key, TimeSpan patience, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + patience;
        while (true)
        {
            var found = await FindAsync(clientId, key, cancellationToken);
            if (found is not { AnsweredAt: null } || clock.GetUtcNow() >= deadline)
            {
                return found;
            }

            await Task.Delay(AnswerPoll, clock, cancellationToken);
        }
    }

    public Task RecordAnswerAsync(
        string clientId, string key, int statusCode, string? contentType, string? location, byte[] body, CancellationToken cancellationToken) =>
        Of(clientId, key).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.AnsweredAt, clock.GetUtcNow())
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.ContentType, contentType)
            .SetProperty(r => r.Location, location)
            .SetProperty(r => r.Body, body), cancellationToken);

    /// <summary>Deletes the rows whose retention has passed; returns how many.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Set<IdempotentRequest>().Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private IQueryable<IdempotentRequest> Of(string clientId, string key) =>
        db.Set<IdempotentRequest>().Where(r => r.ClientId == clientId && r.IdempotencyKey == key);
}
