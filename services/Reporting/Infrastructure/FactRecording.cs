using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>How projections write their rows so that arrival order never matters.</summary>
public static class FactRecording
{
    /// <summary>
    /// Adds <paramref name="fact"/>, or replaces the row with the same key when <paramref name="fact"/> comes from an
    /// event written later. MessageIds are the producers' UUIDv7 outbox ids, ordered by write time, so the row left is the
    /// same whichever copy arrives first. (Two concurrent inserts of one key: the loser's unique violation is retried by
    /// the consumer and then takes the replace path.)
    /// </summary>
    public static async Task RecordAsync<TFact>(this ReportingDbContext db, TFact fact, CancellationToken cancellationToken)
        where TFact : class, IFact
    {
        var entry = db.Entry(fact);
        var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
        var existing = await db.Set<TFact>().FindAsync(key, cancellationToken);
        if (existing is null)
        {
            db.Add(fact);
        }
        else if (fact.MessageId.CompareTo(existing.MessageId) > 0)
        {
            db.Entry(existing).CurrentValues.SetValues(fact);
        }
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
