using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>How projections write their rows so that arrival order never matters.</summary>
public static class FactRecording
{
    private static readonly ConcurrentDictionary<IEntityType, FactUpsert> Upserts = new();

    /// <summary>
    /// Adds <paramref name="fact"/>, or replaces the row with the same key when <paramref name="fact"/> comes from an
    /// event written later, in one statement (<c>INSERT … ON CONFLICT DO UPDATE … WHERE</c>, no read first) in the
    /// caller's transaction. MessageIds are the producers' UUIDv7 outbox ids, which PostgreSQL orders by write time, so
    /// the row left is the same whichever copy arrives first, and two concurrent writers of one key cannot both insert.
    /// The statement is sent at the context's next <c>SaveChangesAsync</c>, after its tracked entities (the event log,
    /// so the lock order stays log first, then facts), together with every fact recorded since, in one round trip; or
    /// here, with a save of the tracked entities first, once <see cref="ReportingDbContext.PendingFactsLimit"/> are waiting.
    /// </summary>
    public static Task RecordAsync<TFact>(this ReportingDbContext db, TFact fact, CancellationToken cancellationToken)
        where TFact : class, IFact
    {
        var type = db.Model.FindEntityType(typeof(TFact))
            ?? throw new InvalidOperationException($"{typeof(TFact).Name} is not a fact table of the Reporting model.");
        var upsert = Upserts.GetOrAdd(type, FactUpsert.For);
        return db.RecordFactAsync(upsert.Sql, upsert.Parameters(fact), cancellationToken);
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

    /// <summary>The upsert statement of one fact table, built once from the EF model (names, key, value converters).</summary>
    private sealed class FactUpsert
    {
        private readonly IReadOnlyList<IProperty> _columns;

        private FactUpsert(string sql, IReadOnlyList<IProperty> columns)
        {
            Sql = sql;
            _columns = columns;
        }

        public string Sql { get; }

        public static FactUpsert For(IEntityType type)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetProperties().ToList();
            var key = type.FindPrimaryKey()!.Properties;
            string Column(IProperty p) => p.GetColumnName(table)!;
            var messageId = Column(type.FindProperty(nameof(IFact.MessageId))!);
            var updates = columns.Where(p => !key.Contains(p)).Select(p => $"{Column(p)} = EXCLUDED.{Column(p)}");
            var sql =
                $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(Column))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "$" + (i + 1)))}) " +
                $"ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET {string.Join(", ", updates)} " +
                $"WHERE EXCLUDED.{messageId} > {table.Name}.{messageId}";
            return new FactUpsert(sql, columns);
        }

        /// <summary>The row's values as the columns store them (enums by name), in column order.</summary>
        public NpgsqlParameter[] Parameters(object fact) =>
        [
            .. _columns.Select(p =>
            {
                var value = p.PropertyInfo!.GetValue(fact);
                var stored = p.GetTypeMapping().Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;
                return new NpgsqlParameter { Value = stored ?? DBNull.Value };
            }),
        ];
    }
}
