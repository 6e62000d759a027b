using Microsoft.EntityFrameworkCore;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// The statement triggers that keep totals in the transaction of the fact writes (<see cref="FlowTotals"/>,
/// <see cref="SubjectTotals"/>): per fact table one PL/pgSQL function <c>&lt;prefix&gt;_&lt;table&gt;</c> run once per
/// INSERT, UPDATE and DELETE statement with its transition tables <c>old_rows</c> and <c>new_rows</c>.
/// </summary>
internal static class StatementTriggers
{
    /// <summary>The function <paramref name="body"/> (from <c>DECLARE</c> or <c>BEGIN</c> to <c>END</c>) and its three triggers on <paramref name="table"/>.</summary>
    public static string Create(string prefix, string table, string body)
    {
        var function = $"{prefix}_{table}";
        return
            $"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$; " +
            $"CREATE TRIGGER {prefix}_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}(); " +
            $"CREATE TRIGGER {prefix}_update AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}(); " +
            $"CREATE TRIGGER {prefix}_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();";
    }

    public static string Drop(string prefix, string table) =>
        $"DROP TRIGGER IF EXISTS {prefix}_insert ON {table}; " +
        $"DROP TRIGGER IF EXISTS {prefix}_update ON {table}; " +
        $"DROP TRIGGER IF EXISTS {prefix}_delete ON {table}; " +
        $"DROP FUNCTION IF EXISTS {prefix}_{table}();";

    /// <summary>Holds <paramref name="tables"/> against writes until the transaction ends (reads go on).</summary>
    public static Task<int> HoldAgainstWritesAsync(ReportingDbContext db, IEnumerable<string> tables, CancellationToken cancellationToken) =>
        ExecuteAsync(db, $"LOCK TABLE {string.Join(", ", tables)} IN SHARE ROW EXCLUSIVE MODE", cancellationToken);

    // The statements are built from the EF model and the indicators' generated SQL, never from input; DDL takes no parameters.
#pragma warning disable EF1002
    public static Task<int> ExecuteAsync(ReportingDbContext db, string sql, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
#pragma warning restore EF1002
}
