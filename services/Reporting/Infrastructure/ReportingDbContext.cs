using CountyTech.Messaging;
using CountyTech.Reporting.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// Reporting's own database (<c>reporting-db</c>): the event log, the projections built from it (one table per kind
/// of fact, configured in each area's folder and found in this assembly), the baselines entered by hand, and the inbox
/// that makes every consumer idempotent.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<Baseline> Baselines => Set<Baseline>();

    /// <summary>Facts waiting at most before <see cref="FactRecording.RecordAsync{TFact}"/> writes them itself.</summary>
    public const int PendingFactsLimit = 1000;

    /// <summary>The facts recorded since the last save, by table.</summary>
    private readonly Dictionary<FactUpsert, List<object>> _pendingFacts = [];
    private int _pendingFactCount;

    /// <summary>Saves the tracked entities, then sends the facts recorded since the last save (log first, then facts).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await SendPendingFactsAsync(cancellationToken);
        return saved;
    }

    internal Task RecordFactAsync(FactUpsert upsert, object fact, CancellationToken cancellationToken)
    {
        if (!_pendingFacts.TryGetValue(upsert, out var facts))
        {
            _pendingFacts[upsert] = facts = [];
        }

        facts.Add(fact);
        return ++_pendingFactCount >= PendingFactsLimit ? SaveChangesAsync(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// The pending facts, one statement per table in the tables' order (one lock order for every writer), in one round
    /// trip, in the context's connection and transaction.
    /// </summary>
    private async Task SendPendingFactsAsync(CancellationToken cancellationToken)
    {
        if (_pendingFactCount == 0)
        {
            return;
        }

        var commands = _pendingFacts.OrderBy(table => table.Key.Table, StringComparer.Ordinal)
            .SelectMany(table => table.Key.Commands(table.Value)).ToList();
        DropPendingFacts();

        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)Database.GetDbConnection(),
                (NpgsqlTransaction?)Database.CurrentTransaction?.GetDbTransaction());
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Facts recorded but not saved (the work failed) are dropped: the context goes back to the pool for the next scope
    /// (<see cref="CountyTech.ServiceDefaults.ServiceDatabase"/>), which must not send them.
    /// </summary>
    public override void Dispose()
    {
        DropPendingFacts();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        DropPendingFacts();
        return base.DisposeAsync();
    }

    private void DropPendingFacts()
    {
        _pendingFacts.Clear();
        _pendingFactCount = 0;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Contract enums are stored by name, so the tables read like the events and survive a reordered enum.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddInbox();
        modelBuilder.AddIdempotency();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}
