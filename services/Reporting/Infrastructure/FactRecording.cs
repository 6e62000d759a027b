using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>How projections write their rows so that arrival order never matters.</summary>
public static class FactRecording
{
    private static readonly ConcurrentDictionary<IEntityType, FactUpsert> Upserts = new();

    /// <summary>
    /// Adds <paramref name="fact"/>, or replaces the row with the same key when <paramref name="fact"/> comes from an
    /// event written later (<see cref="FactUpsert"/>: <c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>, no read first) in
    /// the caller's transaction. MessageIds are the producers' UUIDv7 outbox ids, which PostgreSQL orders by write time,
    /// so the row left is the same whichever copy arrives first, and two concurrent writers of one key cannot both
    /// insert. The fact is written at the context's next <c>SaveChangesAsync</c>, after its tracked entities (the event
    /// log, so the lock order stays log first, then facts), with every fact recorded since: one statement per table, all
    /// in one round trip; or here, with a save of the tracked entities first, once
    /// <see cref="ReportingDbContext.PendingFactsLimit"/> are waiting.
    /// </summary>
    public static Task RecordAsync<TFact>(this ReportingDbContext db, TFact fact, CancellationToken cancellationToken)
        where TFact : class, IFact
    {
        var type = db.Model.FindEntityType(typeof(TFact))
            ?? throw new InvalidOperationException($"{typeof(TFact).Name} is not a fact table of the Reporting model.");
        return db.RecordFactAsync(Upserts.GetOrAdd(type, FactUpsert.For), fact, cancellationToken);
    }

    /// <summary>Empties every projection table (every <see cref="IFact"/> entity), in the caller's transaction.</summary>
    public static async Task DeleteAllFactsAsync(this ReportingDbContext db, CancellationToken cancellationToken)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(type => typeof(IFact).IsAssignableFrom(type.ClrType))
            .Select(type => type.GetTableName()!);
        foreach (var table in tables)
        {
            // Table names come from the model, never from input; an identifier cannot be a SQL parameter.
#pragma warning disable EF1003
            await db.Database.ExecuteSqlRawAsync("DELETE FROM " + table, cancellationToken);
#pragma warning restore EF1003
        }
    }
}
