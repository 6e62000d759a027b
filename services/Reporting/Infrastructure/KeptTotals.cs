using CountyTech.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// One kind of totals the database keeps with statement triggers (<see cref="FlowTotals"/>, <see cref="SubjectTotals"/>):
/// its definitions (a flow, a measure), told apart by a key and the fact tables they read, and what installing one
/// means for it. <see cref="InstallAsync"/> is the installation both follow.
/// </summary>
internal abstract class KeptTotals<TDefinition> where TDefinition : class
{
    /// <summary>The kind's name: its triggers' prefix (<see cref="StatementTriggers"/>) and its installers' lock.</summary>
    protected abstract string Prefix { get; }

    protected abstract string Key(TDefinition definition);

    protected abstract IReadOnlyList<string> Tables(TDefinition definition);

    /// <summary>Deletes the totals and the definitions of the keys in <paramref name="gone"/>.</summary>
    protected abstract Task ForgetAsync(ReportingDbContext db, IReadOnlyList<string> gone, CancellationToken cancellationToken);

    /// <summary>Derives a new definition's totals from the facts stored.</summary>
    protected abstract Task DeriveAsync(ReportingDbContext db, TDefinition definition, CancellationToken cancellationToken);

    /// <summary>The statement triggers of <paramref name="table"/> for the definitions that read it.</summary>
    protected abstract string CreateTriggers(string table, IReadOnlyList<TDefinition> definitions);

    /// <summary>
    /// Makes the database keep exactly <paramref name="wanted"/>: when they differ from the installed definitions,
    /// replaces the triggers, forgets the definitions gone and derives the new ones from the stored facts, in one
    /// transaction holding the fact tables against writes, so no fact is counted twice or missed. Nothing is written when
    /// nothing changed. One installer of a kind at a time (an advisory lock), for replicas starting together.
    /// </summary>
    public Task<bool> InstallAsync(ReportingDbContext db, IReadOnlyList<TDefinition> wanted, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async (db, cancellationToken) =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({Prefix}))", cancellationToken);
            var installed = await db.Set<TDefinition>().AsNoTracking().ToListAsync(cancellationToken);
            if (installed.Count == wanted.Count && installed.All(i => wanted.Any(w => Key(w) == Key(i) && Tables(w).SequenceEqual(Tables(i)))))
            {
                return false;
            }

            var tables = installed.Concat(wanted).SelectMany(Tables).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            await StatementTriggers.HoldAgainstWritesAsync(db, tables, cancellationToken);
            foreach (var table in tables)
            {
                await StatementTriggers.ExecuteAsync(db, StatementTriggers.Drop(Prefix, table), cancellationToken);
            }

            await ForgetAsync(db, [.. installed.Select(Key).Where(key => wanted.All(w => Key(w) != key))], cancellationToken);
            foreach (var definition in wanted.Where(w => installed.All(i => Key(i) != Key(w))))
            {
                await DeriveAsync(db, definition, cancellationToken);
                db.Add(definition);
            }

            foreach (var table in wanted.SelectMany(w => Tables(w).Select(table => (Table: table, Definition: w))).GroupBy(t => t.Table))
            {
                await StatementTriggers.ExecuteAsync(db, CreateTriggers(table.Key, [.. table.Select(t => t.Definition)]), cancellationToken);
            }

            return true;
        }, cancellationToken);
}
