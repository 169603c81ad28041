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
        string quoted = "\"" + table.Replace("\"", "\"\"") + "\"";
        var columnRows = await DbQuery.ListAsync(connection, $"PRAGMA table_info({quoted})",
            r => (Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetInt64(3) != 0, Default: r.NullableString(4), Pk: r.GetInt64(5)), token);
        bool autoincrement = sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase);
        var keyColumns = columnRows.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
        var columns = columnRows.Select(c => new Column(c.Name, c.Type.ToUpperInvariant(), !c.NotNull, c.Default,
            autoincrement && keyColumns.Count == 1 && keyColumns[0] == c.Name)).ToList();
        // SQLite keeps no primary key name; Prisma's default stands in for it.
        var primaryKey = keyColumns.Count == 0 ? null : new PrimaryKey(table + "_pkey", keyColumns);

        var indexRows = await DbQuery.ListAsync(connection, $"PRAGMA index_list({quoted})",
            r => (Name: r.GetString(1), Unique: r.GetInt64(2) != 0, Origin: r.GetString(3)), token);
        var indexes = new List<Strata.Migrate.Model.Index>();
        foreach (var index in indexRows.Where(i => i.Origin == "c").OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            var parts = await DbQuery.ListAsync(connection, $"PRAGMA index_xinfo(\"{index.Name.Replace("\"", "\"\"")}\")",
                r => (Seq: r.GetInt64(0), Name: r.NullableString(2), Desc: r.GetInt64(3) != 0, Key: r.GetInt64(5) != 0), token);
            var indexColumns = parts.Where(p => p.Key && p.Name != null).OrderBy(p => p.Seq).Select(p => new IndexColumn(p.Name!, p.Desc)).ToList();
            indexes.Add(new Strata.Migrate.Model.Index(index.Name, indexColumns, index.Unique, null));
        }

        var fkRows = await DbQuery.ListAsync(connection, $"PRAGMA foreign_key_list({quoted})",
            r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Table: r.GetString(2), From: r.GetString(3), To: r.NullableString(4), OnUpdate: r.GetString(5), OnDelete: r.GetString(6)), token);
        var names = ForeignKeyNames(sql);
        var foreignKeys = fkRows.GroupBy(r => r.Id).OrderByDescending(g => g.Key).Select(g =>
        {
            var rows = g.OrderBy(r => r.Seq).ToList();
            var from = rows.Select(r => r.From).ToList();
            var name = names.TryGetValue(string.Join(",", from), out var n) ? n : $"{table}_{string.Join("_", from)}_fkey";
            return new ForeignKey(name, from, rows[0].Table, null, rows.Select(r => r.To ?? string.Empty).ToList(), rows[0].OnDelete, rows[0].OnUpdate);
        }).ToList();
        return new Table(table, null, columns, primaryKey, indexes, foreignKeys);
    }

    /// <summary>Foreign key names, by their column list, read from the CREATE TABLE text (the PRAGMA does not report them).</summary>
    private static Dictionary<string, string> ForeignKeyNames(string sql)
    {
        var names = new Dictionary<string, string>();
        foreach (Match m in ConstraintPattern().Matches(sql))
        {
            var columns = m.Groups[2].Value.Split(',').Select(c => c.Trim().Trim('"', '`', '[', ']')).ToList();
            names[string.Join(",", columns)] = m.Groups[1].Value;
        }
        return names;
    }

    [GeneratedRegex("CONSTRAINT\\s+\"((?:[^\"]|\"\")+)\"\\s+FOREIGN\\s+KEY\\s*\\(([^)]*)\\)", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintPattern();
}
