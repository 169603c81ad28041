using System.Data.Common;
using System.Text.RegularExpressions;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;

namespace Strata.Sqlite.Migrations;

/// <summary>Reads a SQLite database through <c>sqlite_master</c> and the table PRAGMAs.</summary>
public sealed partial class SqliteIntrospector : IIntrospector
{
    /// <inheritdoc />
    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default)
    {
        var tableRows = await DbQuery.ListAsync(connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY rowid",
            r => (Name: r.GetString(0), Sql: r.NullableString(1) ?? string.Empty), cancellationToken);
        var tables = new List<Table>();
        foreach (var (name, sql) in tableRows) tables.Add(await ReadTableAsync(connection, name, sql, cancellationToken));
        return new DatabaseSchema(tables, [], []);
    }

    private static async Task<Table> ReadTableAsync(DbConnection connection, string table, string sql, CancellationToken token)
    {
        // The PRAGMAs' table-valued forms take the name as a parameter: no name is ever part of the SQL text.
        var tableName = ("name", (object)table);
        var columnRows = await DbQuery.ListAsync(connection, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(@name) ORDER BY cid",
            r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) != 0, Default: r.NullableString(3), Pk: r.GetInt64(4)), token, tableName);
        bool autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
        var keyColumns = columnRows.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
        // A lone INTEGER key is the row id, which is never NULL, whether or not the table says NOT NULL.
        bool RowId(string column) => keyColumns.Count == 1 && keyColumns[0] == column
            && columnRows.First(c => c.Name == column).Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase);
        var columns = columnRows.Select(c => new Column(c.Name, c.Type.ToUpperInvariant(), !c.NotNull && !RowId(c.Name), c.Default,
            autoincrement && keyColumns.Count == 1 && keyColumns[0] == c.Name)).ToList();
        // SQLite keeps no primary key name; Prisma's default stands in for it.
        var primaryKey = keyColumns.Count == 0 ? null : new PrimaryKey(table + "_pkey", keyColumns);

        var indexRows = await DbQuery.ListAsync(connection, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(@name)",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2), Partial: r.GetInt64(3) != 0), token, tableName);
        var indexes = new List<Strata.Migrate.Model.Index>();
        // Partial and expression indexes are left out, as Prisma leaves them out of the comparison: a schema cannot declare them.
        // The indexes stay in the PRAGMA's order (the newest first), the order Prisma reads them in.
        foreach (var index in indexRows.Where(i => i.Origin == "c" && !i.Partial))
        {
            var parts = await DbQuery.ListAsync(connection, "SELECT seqno, name, \"desc\", \"key\", cid FROM pragma_index_xinfo(@index)",
                r => (Seq: r.GetInt64(0), Name: r.NullableString(1), Desc: r.GetInt64(2) != 0, Key: r.GetInt64(3) != 0, Cid: r.GetInt64(4)), token, ("index", index.Name));
            if (parts.Any(p => p.Key && p.Cid == -2)) continue; // an expression
            var indexColumns = parts.Where(p => p.Key && p.Name != null).OrderBy(p => p.Seq).Select(p => new IndexColumn(p.Name!, p.Desc)).ToList();
            indexes.Add(new Strata.Migrate.Model.Index(index.Name, indexColumns, index.Unique, null));
        }

        var fkRows = await DbQuery.ListAsync(connection, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(@name)",
            r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Table: r.GetString(2), From: r.GetString(3), To: r.NullableString(4), OnUpdate: r.GetString(5), OnDelete: r.GetString(6)), token, tableName);
        var names = ForeignKeyNames(sql);
        // In the PRAGMA's order (the last declared first), the order Prisma reads them in.
        var foreignKeys = fkRows.GroupBy(r => r.Id).OrderBy(g => g.Key).Select(g =>
        {
            var rows = g.OrderBy(r => r.Seq).ToList();
            var from = rows.Select(r => r.From).ToList();
            var name = names.TryGetValue(ColumnsKey(from), out var n) ? n : $"{table}_{string.Join("_", from)}_fkey";
            return new ForeignKey(name, from, rows[0].Table, null, rows.Select(r => r.To ?? string.Empty).ToList(), rows[0].OnDelete, rows[0].OnUpdate);
        }).ToList();
        return new Table(table, null, columns, primaryKey, indexes, foreignKeys);
    }

    /// <summary>
    /// Foreign key names, by their column list, read from the CREATE TABLE text (the PRAGMA does
    /// not report them). Quoted names are read whole, doubled quotes undone, so that a name may
    /// hold quotes, commas or parentheses.
    /// </summary>
    private static Dictionary<string, string> ForeignKeyNames(string sql)
    {
        var names = new Dictionary<string, string>();
        foreach (Match m in ConstraintPattern().Matches(sql))
        {
            var columns = ColumnPattern().Matches(m.Groups["columns"].Value).Select(c => Unquote(c.Value));
            names[ColumnsKey(columns)] = Unquote(m.Groups["name"].Value);
        }
        return names;
    }

    /// <summary>A lookup key for a column list; NUL cannot occur in a name.</summary>
    private static string ColumnsKey(IEnumerable<string> columns) => string.Join("\0", columns);

    private static string Unquote(string name) => name[0] switch
    {
        '"' => name[1..^1].Replace("\"\"", "\""),
        '`' => name[1..^1].Replace("``", "`"),
        '[' => name[1..^1],
        _ => name,
    };

    [GeneratedRegex("CONSTRAINT\\s+(?<name>\"(?:[^\"]|\"\")+\")\\s+FOREIGN\\s+KEY\\s*\\((?<columns>(?:[^()\"]|\"(?:[^\"]|\"\")*\")*)\\)", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintPattern();

    [GeneratedRegex("\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|\\[[^\\]]*\\]|[^\\s,\"`\\[]+")]
    private static partial Regex ColumnPattern();
}
