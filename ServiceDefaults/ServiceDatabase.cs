using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace CountyTech.ServiceDefaults;

/// <summary>
/// A service's own PostgreSQL database: the DbContext, pooled, on the connection string named like the AppHost resource
/// (<c>projects-db</c>…) with its statements prepared (<see cref="ConnectionStrings.WithPreparedStatements"/>),
/// snake_case tables, a readiness check, its migrations applied (traced) before the service takes traffic, and the
/// idempotency of POSTs recorded in the transaction of their effect (<see cref="IdempotencyMiddleware"/>).
/// </summary>
public static class ServiceDatabase
{
    /// <summary>
    /// A command or SaveChanges that fails on a transient error (a terminated or dropped connection, a restart) is retried
    /// this often on a new connection, within about <see cref="MaxRetryDelay"/> × the count; then the caller gets 503.
    /// Work in an explicit transaction goes through <see cref="InTransactionAsync{TContext, TResult}"/> to be retried as a whole.
    /// </summary>
    public const int RetryCount = 4;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    private static readonly RequestIdempotency.Interceptor IdempotencyClaims = new();

    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = ConnectionStrings.WithPreparedStatements(builder.Configuration.GetRequiredConnectionString(connectionName));

        // Pooled: a request or delivery gets a context used before (its state reset) instead of a new one whose options
        // and internal services are built again. That was half of Projects' CPU per read and a quarter of Reporting's
        // per applied event (BENCHMARKS.md). A context keeping state of its own drops it when disposed.
        builder.Services.AddDbContextPool<TContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.ExecutionStrategy(dependencies => new CountedRetryStrategy(dependencies)))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(IdempotencyClaims));
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>(connectionName);
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();

        builder.Services.AddScoped(services => new IdempotencyStore(services.GetRequiredService<TContext>(), services.GetRequiredService<TimeProvider>()));
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<IdempotencyRetention<TContext>>();
        return builder;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the database's retry strategy: on a transient failure the
    /// transaction is rolled back and the whole of <paramref name="work"/> runs again on a new connection, so it must
    /// start from scratch each time (it gets a cleared change tracker) and its effects must be once-only by design (an
    /// inbox row, a row lock, an upsert).
    /// </summary>
    public static Task<TResult> InTransactionAsync<TContext, TResult>(
        this TContext db, Func<TContext, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken)
        where TContext : DbContext =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(db, token);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return result;
        }, cancellationToken);

    /// <summary>
    /// The retrying execution strategy (<see cref="RetryCount"/>, <see cref="MaxRetryDelay"/>), counting each retry in
    /// <c>countytech.database.retries</c> (meter <c>CountyTech.Database</c>): a steady rate means the database or the
    /// network to it is failing.
    /// </summary>
    private sealed class CountedRetryStrategy(ExecutionStrategyDependencies dependencies)
        : NpgsqlRetryingExecutionStrategy(dependencies, RetryCount, ServiceDatabase.MaxRetryDelay, errorCodesToAdd: null)
    {
        private static readonly Meter Meter = new(Telemetry.SourcePrefix + ".Database");
        private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
            "countytech.database.retries", "{retry}", "Database operations retried on a new connection after a transient failure.");

        protected override void OnRetry()
        {
            Retries.Add(1);
            base.OnRetry();
        }
    }

    /// <summary>Applies pending migrations at start; hosted services start before the server listens.</summary>
    private sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger)
        : IHostedService where TContext : DbContext
    {
        private static readonly ActivitySource Source = new(Telemetry.SourcePrefix + ".Database");
        private const int Attempts = 10;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            using var activity = Source.StartActivity($"migrate {typeof(TContext).Name}");
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await MigrateAloneAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cancellationToken);
                    logger.LogInformation("Database of {Context} is at its latest migration", typeof(TContext).Name);
                    return;
                }
                catch (NpgsqlException ex) when (ex.IsTransient && attempt < Attempts)
                {
                    logger.LogWarning(ex, "Database not reachable yet (attempt {Attempt} of {Attempts})", attempt, Attempts);
                    await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
                }
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        /// <summary>
        /// Migrates under a session advisory lock of the database, so that replicas starting together apply the
        /// migrations one after another (the later ones find nothing to do) instead of racing to create the same tables.
        /// </summary>
        private static async Task MigrateAloneAsync(TContext db, CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext('countytech-migrations'))", cancellationToken);
                try
                {
                    await db.Database.MigrateAsync(cancellationToken);
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext('countytech-migrations'))", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
