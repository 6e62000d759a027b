using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CountyTech.Reporting.Infrastructure;

/// <summary>
/// The upsert of one fact table, built once from the EF model (names, key, value converters): many facts in one
/// statement, <c>INSERT … SELECT DISTINCT ON (key) … FROM (VALUES …) ORDER BY key, message_id DESC ON CONFLICT (key)
/// DO UPDATE … WHERE EXCLUDED.message_id &gt; message_id</c>. Of the facts with one key, in the statement or already
/// stored, the one from the event written last is left, whatever the order they came in; and the table's statement
/// triggers (the totals) run once for all of them instead of once per fact.
/// </summary>
internal sealed partial class FactUpsert
{
    /// <summary>PostgreSQL's limit on the parameters of one statement.</summary>
    private const int MaxParameters = 65_535;

    private readonly IReadOnlyList<IProperty> _columns;
    private readonly string _head;
    private readonly string _tail;
    private readonly string[] _casts;

    private FactUpsert(IEntityType type)
    {
        Table = type.GetTableName()!;
        var table = StoreObjectIdentifier.Table(Table, type.GetSchema());
        _columns = type.GetProperties().ToList();
        var key = type.FindPrimaryKey()!.Properties;
        string Column(IProperty p) => p.GetColumnName(table)!;
        var columns = string.Join(", ", _columns.Select(Column));
        var keyColumns = string.Join(", ", key.Select(Column));
        var messageId = Column(type.FindProperty(nameof(IFact.MessageId))!);
        var updates = _columns.Where(p => !key.Contains(p)).Select(p => $"{Column(p)} = EXCLUDED.{Column(p)}");

        // A parameter in VALUES takes no type from the target column: each is cast to the column's type, without a
        // length (an explicit cast to varchar(n) would cut a longer text; the insert's own assignment refuses it).
        _casts = [.. _columns.Select(p => "::" + Typmod().Replace(p.GetColumnType(), string.Empty))];
        _head = $"INSERT INTO {Table} ({columns}) SELECT DISTINCT ON ({keyColumns}) {columns} FROM (VALUES ";
        _tail = $") AS fact ({columns}) ORDER BY {keyColumns}, {messageId} DESC " +
            $"ON CONFLICT ({keyColumns}) DO UPDATE SET {string.Join(", ", updates)} " +
            $"WHERE EXCLUDED.{messageId} > {Table}.{messageId}";
    }

    /// <summary>The fact table's name; the statements of several tables are sent in its order.</summary>
    public string Table { get; }

    public static FactUpsert For(IEntityType type) => new(type);

    /// <summary>The statements that write <paramref name="facts"/> (as many facts in each as its parameters allow).</summary>
    public IEnumerable<NpgsqlBatchCommand> Commands(IReadOnlyList<object> facts)
    {
        foreach (var chunk in facts.Chunk(MaxParameters / _columns.Count))
        {
            var sql = new StringBuilder(_head);
            var command = new NpgsqlBatchCommand();
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var i = 0; i < _columns.Count; i++)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = Stored(_columns[i], chunk[row]) });
                    sql.Append(i == 0 ? "$" : ", $").Append(command.Parameters.Count).Append(_casts[i]);
                }

                sql.Append(')');
            }

            command.CommandText = sql.Append(_tail).ToString();
            yield return command;
        }
    }

    /// <summary>A column's value as the table stores it (enums by name).</summary>
    private static object Stored(IProperty column, object fact)
    {
        var value = column.PropertyInfo!.GetValue(fact);
        var stored = column.GetTypeMapping().Converter is { } converter && value is not null ? converter.ConvertToProvider(value) : value;
        return stored ?? DBNull.Value;
    }

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Typmod();
}
