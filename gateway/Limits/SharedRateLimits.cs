using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using CountyTech.Gateway.Infrastructure;
using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Gateway.Limits;

/// <summary>
/// The per-client limit shared by every gateway instance on one database: fixed windows aligned on the epoch, and in
/// each window the instances lease permits from <c>rate_limit_window</c> a few at a time (a twentieth of the limit, at
/// most <see cref="MaxLease"/>), so the leases of all instances never add up to more than the limit and only one
/// request in a lease costs a database round trip. Permits leased to one instance and unused by it are lost to the
/// others for that window (at most a lease per instance). If the database cannot be reached, the instance grants a
/// lease by itself rather than refusing the caller: the limit protects the platform, it is not worth an outage.
/// </summary>
public sealed class SharedRateLimits(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SharedRateLimits> logger)
{
    public const string Table = "rate_limit_window";
    public const int MaxLease = 50;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);
    private long _lastSweepTicks = DateTimeOffset.MinValue.UtcTicks;

    public static int LeaseSize(int permitLimit) => Math.Clamp(permitLimit / 20, 1, MaxLease);

    /// <summary>The start of the window that holds <paramref name="now"/>.</summary>
    public static DateTimeOffset WindowOf(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>A limiter for one client partition.</summary>
    public RateLimiter For(string clientKey, int permitLimit, TimeSpan window) => new ClientLimiter(this, clientKey, permitLimit, window);

    /// <summary>Takes up to a lease of permits for <paramref name="clientKey"/> in the window; 0 when the limit is reached.</summary>
    internal async Task<int> LeaseAsync(string clientKey, DateTimeOffset windowStart, int permitLimit, TimeSpan window, CancellationToken cancellationToken)
    {
        var lease = LeaseSize(permitLimit);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
            // One statement, under the row's lock: never more leased than the limit, whichever instance asks.
            var granted = await db.Database.SqlQuery<int>($"""
                INSERT INTO rate_limit_window AS w (client_key, window_start, leased, last_grant)
                VALUES ({clientKey}, {windowStart}, LEAST({lease}, {permitLimit}), LEAST({lease}, {permitLimit}))
                ON CONFLICT (client_key, window_start) DO UPDATE
                    SET leased = w.leased + LEAST({lease}, {permitLimit} - w.leased), last_grant = LEAST({lease}, {permitLimit} - w.leased)
                    WHERE w.leased < {permitLimit}
                RETURNING w.last_grant AS "Value"
                """).ToListAsync(cancellationToken);
            await SweepAsync(db, window, cancellationToken);
            return granted.Count == 0 ? 0 : granted[0];
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The shared rate limit of {Client} could not be read; granting a lease of {Lease} locally", clientKey, lease);
            return lease;
        }
    }

    /// <summary>Now and then, one instance deletes the windows long past.</summary>
    private async Task SweepAsync(GatewayDbContext db, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now.UtcTicks - last < SweepInterval.Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last)
        {
            return;
        }

        var before = now - TimeSpan.FromDays(1) - window;
        await db.Database.ExecuteSqlAsync($"DELETE FROM rate_limit_window WHERE window_start < {before}", cancellationToken);
    }

    /// <summary>
    /// One client's limiter in this instance: <see cref="RateLimiter.AttemptAcquire(int)"/> spends the local lease
    /// without waiting; when it is spent, the rate limiting middleware calls <see cref="RateLimiter.AcquireAsync"/>,
    /// which leases more from the database (one caller at a time per client).
    /// </summary>
    private sealed class ClientLimiter(SharedRateLimits shared, string clientKey, int permitLimit, TimeSpan window) : RateLimiter
    {
        private readonly SemaphoreSlim _leasing = new(1, 1);
        private readonly Lock _lock = new();
        private DateTimeOffset _windowStart;
        private int _remaining;
        private bool _exhausted;
        private long _lastUsedTicks = DateTimeOffset.UtcNow.UtcTicks;

        public override TimeSpan? IdleDuration => TimeSpan.FromTicks(DateTimeOffset.UtcNow.UtcTicks - Interlocked.Read(ref _lastUsedTicks));

        public override RateLimiterStatistics? GetStatistics() => new() { CurrentAvailablePermits = _remaining };

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref _lastUsedTicks, DateTimeOffset.UtcNow.UtcTicks);
            var now = shared.Now;
            lock (_lock)
            {
                Roll(now);
                if (_remaining >= permitCount)
                {
                    _remaining -= permitCount;
                    return Lease.Granted;
                }
            }

            // Not granted here: the middleware goes on to AcquireAsync, which may lease more.
            return Lease.NotYet;
        }

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            await _leasing.WaitAsync(cancellationToken);
            try
            {
                var now = shared.Now;
                DateTimeOffset windowStart;
                lock (_lock)
                {
                    Roll(now);
                    if (_remaining >= permitCount)
                    {
                        _remaining -= permitCount;
                        return Lease.Granted;
                    }

                    if (_exhausted)
                    {
                        return Lease.Refused(_windowStart + window - now);
                    }

                    windowStart = _windowStart;
                }

                var granted = await shared.LeaseAsync(clientKey, windowStart, permitLimit, window, cancellationToken);
                lock (_lock)
                {
                    if (_windowStart != windowStart)
                    {
                        return Lease.Granted; // the window turned while leasing: the caller is in the new one
                    }

                    _remaining += granted;
                    _exhausted = granted == 0;
                    if (_remaining >= permitCount)
                    {
                        _remaining -= permitCount;
                        return Lease.Granted;
                    }

                    return Lease.Refused(_windowStart + window - now);
                }
            }
            finally
            {
                _leasing.Release();
            }
        }

        private void Roll(DateTimeOffset now)
        {
            var current = WindowOf(now, window);
            if (current != _windowStart)
            {
                _windowStart = current;
                _remaining = 0;
                _exhausted = false;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _leasing.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);
        public static readonly Lease NotYet = new(false, null);

        public static Lease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
