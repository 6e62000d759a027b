using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// The idempotency of the current request: its <see cref="IdempotentRequest"/> row, which <see cref="Interceptor"/> puts
/// into the request's first <c>SaveChanges</c>, so that the row commits in the transaction of the effect, whether
/// <c>SaveChanges</c> makes its own or runs in one the handler began. It is the request's from <see cref="Begin"/> on and
/// flows with it (as <c>Activity.Current</c> does), so the interceptor is one for all contexts and a context's options
/// are built once per process, not once per request. Outside a request with an <c>Idempotency-Key</c> (consumers, the
/// outbox relay, other requests) there is none and the interceptor does nothing.
/// </summary>
public sealed class RequestIdempotency
{
    private static readonly AsyncLocal<RequestIdempotency?> Current = new();

    private readonly IdempotentRequest _claim;

    private RequestIdempotency(IdempotentRequest claim) => _claim = claim;

    /// <summary>Whether the row went into a <c>SaveChanges</c> (which may have failed).</summary>
    public bool ClaimAttempted { get; private set; }

    /// <summary>Whether a <c>SaveChanges</c> holding the row succeeded.</summary>
    public bool ClaimSaved { get; private set; }

    /// <summary>
    /// The request that calls this (and what it awaits) from now on claims <paramref name="claim"/> in its first
    /// <c>SaveChanges</c>; the caller's callers do not.
    /// </summary>
    internal static RequestIdempotency Begin(IdempotentRequest claim) => Current.Value = new RequestIdempotency(claim);

    private void AddClaim(DbContext? db)
    {
        if (ClaimAttempted || db is null)
        {
            return;
        }

        db.Add(_claim);
        ClaimAttempted = true;
    }

    private void Saved() => ClaimSaved |= ClaimAttempted;

    /// <summary>Adds the current request's claim to its first <c>SaveChanges</c>; registered on every service's context.</summary>
    internal sealed class Interceptor : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Current.Value?.AddClaim(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Current.Value?.AddClaim(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Current.Value?.Saved();
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Current.Value?.Saved();
            return ValueTask.FromResult(result);
        }
    }
}
