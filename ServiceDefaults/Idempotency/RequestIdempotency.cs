using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// The idempotency of the current request (one per DI scope), and the interceptor that puts its
/// <see cref="IdempotentRequest"/> row into the request's first <c>SaveChanges</c>: the row commits in the transaction
/// of the effect, whether <c>SaveChanges</c> makes its own or runs in one the handler began. Outside a request with an
/// <c>Idempotency-Key</c> (consumers, the outbox relay, other requests) it does nothing.
/// </summary>
public sealed class RequestIdempotency : SaveChangesInterceptor
{
    private IdempotentRequest? _claim;

    /// <summary>Whether the row went into a <c>SaveChanges</c> (which may have failed).</summary>
    public bool ClaimAttempted { get; private set; }

    /// <summary>Whether a <c>SaveChanges</c> holding the row succeeded.</summary>
    public bool ClaimSaved { get; private set; }

    internal void Begin(IdempotentRequest claim) => _claim = claim;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddClaim(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddClaim(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        ClaimSaved |= ClaimAttempted;
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ClaimSaved |= ClaimAttempted;
        return ValueTask.FromResult(result);
    }

    private void AddClaim(DbContext? db)
    {
        if (_claim is null || ClaimAttempted || db is null)
        {
            return;
        }

        db.Add(_claim);
        ClaimAttempted = true;
    }
}
