using System.Data.Common;
using System.Text.RegularExpressions;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;

namespace Strata.MySql.Migrations;

/// <summary>
/// Reads the connection's MySQL or MariaDB database from information_schema into the form the
/// schema mapper writes: Prisma's type spellings (INTEGER, VARCHAR(191), DECIMAL(65, 30),
/// ENUM('A', 'B')), defaults as Prisma writes them, the primary key, indexes in name order and
/// foreign keys with their actions. MariaDB keeps JSON as LONGTEXT with a json_valid check; such a
/// column reads as JSON, as Prisma reads it.
/// </summary>
public sealed partial class MySqlIntrospector : IIntrospector
{
    private const string ColumnsSql = """
        SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE = 'YES', COLUMN_DEFAULT, EXTRA
        FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN
              (SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE')
          AND TABLE_NAME <> '_prisma_migrations'
        ORDER BY TABLE_NAME, ORDINAL_POSITION
        """;

    private const string IndexesSql = """
        SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE = 0, COLUMN_NAME, COLLATION = 'D', INDEX_TYPE, SUB_PART
        FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> '_prisma_migrations'
        ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
        """;

    private const string ForeignKeysSql = """
        SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
        FROM information_schema.KEY_COLUMN_USAGE k
        JOIN information_schema.REFERENTIAL_CONSTRAINTS r
          ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
        WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
        """;

    // MariaDB's JSON columns: the check it adds to each (MySQL's CHECK_CONSTRAINTS has no TABLE_NAME, so this fails there and is skipped).
    private const string JsonChecksSql = """
        SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE() AND CHECK_CLAUSE LIKE 'json_valid(%'
        """;

    /// <inheritdoc />
    /// <remarks><paramref name="schemas"/> is ignored: a MySQL connection's schema is its database.</remarks>
    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default)
    {
        var json = await JsonColumnsAsync(connection, cancellationToken);
        bool mariaDb = (await DbQuery.ListAsync(connection, "SELECT VERSION()", r => r.GetString(0), cancellationToken))[0].Contains("MariaDB", StringComparison.OrdinalIgnoreCase);
        var columns = await DbQuery.ListAsync(connection, ColumnsSql, r => (Table: r.GetString(0), Column: ReadColumn(r, json, mariaDb)), cancellationToken);
        var indexRows = await DbQuery.ListAsync(connection, IndexesSql,
            r => (Table: r.GetString(0), Name: r.GetString(1), Unique: Convert.ToBoolean(r.GetValue(2)), Column: r.GetString(3), Descending: !r.IsDBNull(4) && Convert.ToBoolean(r.GetValue(4)), Type: r.GetString(5),
                Length: r.IsDBNull(6) ? (int?)null : Convert.ToInt32(r.GetValue(6))),
            cancellationToken);
        var keyRows = await DbQuery.ListAsync(connection, ForeignKeysSql,
            r => (Table: r.GetString(0), Name: r.GetString(1), Column: r.GetString(2), Referenced: r.GetString(3), ReferencedColumn: r.GetString(4), OnDelete: r.GetString(5), OnUpdate: r.GetString(6)),
            cancellationToken);

        var tables = columns.GroupBy(c => c.Table, StringComparer.Ordinal).Select(group =>
        {
            var name = group.Key;
            var indexes = indexRows.Where(i => i.Table == name).GroupBy(i => i.Name, StringComparer.Ordinal).ToList();
            var primary = indexes.FirstOrDefault(i => i.Key == "PRIMARY");
            // MySQL names every primary key PRIMARY: it reads back with Prisma's default name, which a schema gives it.
            var key = primary == null ? null : new PrimaryKey(Strata.Schema.Semantics.ConstraintNames.PrimaryKey(name), primary.Select(c => c.Column).ToList());
            var others = indexes.Where(i => i.Key != "PRIMARY")
                .Select(i => new Strata.Migrate.Model.Index(i.Key, i.Select(c => new IndexColumn(c.Column, c.Descending, null, c.Length)).ToList(), i.First().Unique,
                    i.First().Type == "FULLTEXT" ? "FULLTEXT" : null))
                .ToList();
            var foreignKeys = keyRows.Where(k => k.Table == name).GroupBy(k => k.Name, StringComparer.Ordinal)
                .Select(k => new ForeignKey(k.Key, k.Select(c => c.Column).ToList(), k.First().Referenced, null, k.Select(c => c.ReferencedColumn).ToList(), k.First().OnDelete, k.First().OnUpdate))
                .ToList();
            return new Table(name, null, group.Select(c => c.Column).ToList(), key, others, foreignKeys);
        }).ToList();
        return new DatabaseSchema(tables, [], []);
    }

    private static async Task<HashSet<(string Table, string Column)>> JsonColumnsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var checks = await DbQuery.ListAsync(connection, JsonChecksSql, r => (Table: r.GetString(0), Clause: r.GetString(1)), cancellationToken);
            return checks.Select(c => (c.Table, Column: JsonValid().Match(c.Clause).Groups[1].Value)).Where(c => c.Column.Length > 0).ToHashSet();
        }
        catch (DbException)
        {
            return [];
        }
    }

    private static Column ReadColumn(DbDataReader r, HashSet<(string Table, string Column)> json, bool mariaDb)
    {
        var table = r.GetString(0);
        var name = r.GetString(1);
        var rawType = r.GetString(2);
        var type = json.Contains((table, name)) && rawType.Equals("longtext", StringComparison.OrdinalIgnoreCase) ? "JSON" : PrismaType(rawType);
        var extra = r.IsDBNull(5) ? "" : r.GetString(5);
        return new Column(name, type, Convert.ToBoolean(r.GetValue(3)), PrismaDefault(r.IsDBNull(4) ? null : r.GetString(4), type, extra, mariaDb), extra.Contains("auto_increment", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A type as information_schema spells it (<c>int(11) unsigned</c>) in Prisma's spelling (<c>INTEGER UNSIGNED</c>).</summary>
    public static string PrismaType(string columnType)
    {
        var enumValues = EnumType().Match(columnType);
        if (enumValues.Success) return "ENUM(" + string.Join(", ", EnumValue().Matches(enumValues.Groups[1].Value).Select(m => m.Value)) + ")";
        var canonical = MySqlComparison.CanonicalType(columnType);
        if (canonical.StartsWith("DECIMAL(", StringComparison.Ordinal)) return canonical.Replace(",", ", ");
        // A time type without a precision has none (0), which Prisma writes out.
        return canonical is "DATETIME" or "TIMESTAMP" or "TIME" ? canonical + "(0)" : canonical;
    }

    /// <summary>
    /// A default as information_schema reports it, in the spelling Prisma writes: <c>CURRENT_TIMESTAMP(3)</c>,
    /// <c>true</c> on a BOOLEAN, a string literal quoted. MariaDB quotes literals itself; MySQL 8 reports
    /// them bare and marks an expression default DEFAULT_GENERATED in <paramref name="extra"/>.
    /// </summary>
    public static string? PrismaDefault(string? reported, string type, string extra, bool mariaDb)
    {
        // MySQL 5.7 marks nothing, but its only expression default is CURRENT_TIMESTAMP.
        if (!mariaDb && reported != null && !extra.Contains("DEFAULT_GENERATED", StringComparison.OrdinalIgnoreCase) && IsQuotedType(type)
            && !reported.StartsWith("CURRENT_TIMESTAMP", StringComparison.OrdinalIgnoreCase))
            reported = "'" + reported.Replace("'", "''") + "'";
        var canonical = MySqlComparison.CanonicalDefault(reported);
        if (canonical == null) return null;
        if (reported!.StartsWith('\'')) return reported;
        if (canonical.StartsWith("current_timestamp(", StringComparison.Ordinal)) return canonical.ToUpperInvariant();
        if (type == "BOOLEAN") return canonical == "1" ? "true" : canonical == "0" ? "false" : reported;
        return reported;
    }

    /// <summary>Types whose literal defaults are strings in SQL: text, enums, times and binary.</summary>
    private static bool IsQuotedType(string type) =>
        QuotedType().IsMatch(type);

    [GeneratedRegex(@"^(VARCHAR|CHAR|TINYTEXT|TEXT|MEDIUMTEXT|LONGTEXT|ENUM|DATE|TIME|DATETIME|TIMESTAMP|BINARY|VARBINARY)\b")]
    private static partial Regex QuotedType();

    [GeneratedRegex(@"^enum\((.*)\)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EnumType();

    [GeneratedRegex(@"'(?:[^']|'')*'")]
    private static partial Regex EnumValue();

    [GeneratedRegex(@"^json_valid\(`((?:[^`]|``)+)`\)$")]
    private static partial Regex JsonValid();
}
