using System.Data.Common;
using System.Text.RegularExpressions;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;

namespace Strata.Postgres.Migrations;

/// <summary>
/// Reads a PostgreSQL database from pg_catalog into the same form the schema mapper writes:
/// Prisma's upper-case type names, SERIAL for sequence-backed integer columns, enums by name, a
/// domain as its base type (as Prisma reads it).
/// Partial, expression and exclusion indexes are left out, as Prisma's introspection leaves them
/// out of the comparison: a schema cannot declare them, so they are never a difference.
/// </summary>
public sealed partial class PostgresIntrospector : IIntrospector
{
    // Enum columns name their type as the dialect writes it, so that a schema and a database compare equal.
    private static readonly PostgresMigrationDialect Dialect = new();

    private const string ColumnsSql = """
        SELECT n.nspname, c.relname, a.attnum, a.attname, a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
               CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) ELSE format_type(a.atttypid, a.atttypmod) END, t.typtype, et.typtype, coalesce(et.typname, t.typname), coalesce(etn.nspname, tn.nspname),
               t.typcategory = 'A', a.attidentity
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        JOIN pg_namespace tn ON tn.oid = t.typnamespace
        LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
        LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY(@schemas)
          AND c.relname <> '_prisma_migrations' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY n.nspname, c.relname, a.attnum
        """;

    private const string ConstraintsSql = """
        SELECT n.nspname, c.relname, con.conname, con.contype,
               ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord)::text[],
               fn.nspname, fc.relname,
               ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)::text[],
               con.confdeltype::text, con.confupdtype::text
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
        WHERE con.contype IN ('p', 'f') AND n.nspname = ANY(@schemas)
        ORDER BY n.nspname, c.relname, con.conname
        """;

    private const string IndexesSql = """
        SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname, k.ord,
               pg_get_indexdef(i.indexrelid, k.ord::int, true), (i.indoption[k.ord - 1] & 1) = 1, opc.opcname, opc.opcdefault
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_am am ON am.oid = ic.relam
        CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(ord)
        JOIN pg_opclass opc ON opc.oid = i.indclass[k.ord - 1]
        WHERE NOT i.indisprimary AND n.nspname = ANY(@schemas) AND c.relname <> '_prisma_migrations'
          AND i.indpred IS NULL AND i.indexprs IS NULL
          AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.contype = 'x')
        ORDER BY n.nspname, c.relname, ic.relname, k.ord
        """;

    private const string EnumsSql = """
        SELECT n.nspname, t.typname, e.enumlabel
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ANY(@schemas)
        ORDER BY n.nspname, t.typname, e.enumsortorder
        """;

    /// <inheritdoc />
    public async Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default)
    {
        // With no `schemas` in the datasource everything lives in "public" and names stay unqualified.
        bool qualify = schemas.Count > 0;
        var wanted = qualify ? schemas.ToArray() : ["public"];
        string? Ns(string schema) => qualify ? schema : null;
        var param = ("schemas", (object)wanted);

        var columns = await DbQuery.ListAsync(connection, ColumnsSql, r => (
            Schema: r.GetString(0), Table: r.GetString(1), Name: r.GetString(3), NotNull: r.GetBoolean(4), Default: r.NullableString(5),
            Formatted: r.GetString(6), TypType: r.GetChar(7), ElemTypType: r.IsDBNull(8) ? (char?)null : r.GetChar(8),
            TypeName: r.GetString(9), TypeSchema: r.GetString(10), IsArray: r.GetBoolean(11), Identity: r.GetChar(12)), cancellationToken, param);
        var constraints = await DbQuery.ListAsync(connection, ConstraintsSql, r => (
            Schema: r.GetString(0), Table: r.GetString(1), Name: r.GetString(2), Type: r.GetChar(3), Columns: (string[])r.GetValue(4),
            RefSchema: r.NullableString(5), RefTable: r.NullableString(6), RefColumns: r.IsDBNull(7) ? [] : (string[])r.GetValue(7),
            OnDelete: r.GetString(8), OnUpdate: r.GetString(9)), cancellationToken, param);
        var indexParts = await DbQuery.ListAsync(connection, IndexesSql, r => (
            Schema: r.GetString(0), Table: r.GetString(1), Name: r.GetString(2), Unique: r.GetBoolean(3), Method: r.GetString(4),
            Column: r.GetString(6), Descending: r.GetBoolean(7), OpClass: r.GetString(8), OpDefault: r.GetBoolean(9)), cancellationToken, param);
        var enumRows = await DbQuery.ListAsync(connection, EnumsSql, r => (Schema: r.GetString(0), Name: r.GetString(1), Value: r.GetString(2)), cancellationToken, param);
        var existingSchemas = await DbQuery.ListAsync(connection, "SELECT nspname FROM pg_namespace WHERE nspname = ANY(@schemas) ORDER BY nspname", r => r.GetString(0), cancellationToken, param);

        var tables = columns.GroupBy(c => (c.Schema, c.Table)).Select(g =>
        {
            var cols = g.Select(c =>
            {
                bool serial = c.Default != null && c.Default.StartsWith("nextval(", StringComparison.Ordinal) || c.Identity is 'a' or 'd';
                string type = c.TypType == 'e' || c.ElemTypType == 'e'
                    ? Dialect.QuoteName(c.TypeName, qualify ? c.TypeSchema : null) + (c.IsArray ? "[]" : "")
                    : NormalizeType(c.Formatted);
                if (serial) type = type switch { "BIGINT" => "BIGSERIAL", "SMALLINT" => "SMALLSERIAL", _ => "SERIAL" };
                return new Column(c.Name, type, !c.NotNull, serial ? null : c.Default, serial);
            }).ToList();
            var pk = constraints.FirstOrDefault(k => k.Schema == g.Key.Schema && k.Table == g.Key.Table && k.Type == 'p');
            var fks = constraints.Where(k => k.Schema == g.Key.Schema && k.Table == g.Key.Table && k.Type == 'f')
                .Select(k => new ForeignKey(k.Name, k.Columns, k.RefTable!, qualify ? k.RefSchema : null, k.RefColumns, Action(k.OnDelete), Action(k.OnUpdate)))
                .ToList();
            var indexes = indexParts.Where(i => i.Schema == g.Key.Schema && i.Table == g.Key.Table).GroupBy(i => i.Name)
                .Select(ig => new Strata.Migrate.Model.Index(ig.Key,
                    ig.Select(i => new IndexColumn(Unquote(i.Column), i.Descending, i.OpDefault ? null : i.OpClass)).ToList(),
                    ig.First().Unique, ig.First().Method == "btree" ? null : ig.First().Method.ToUpperInvariant()))
                .ToList();
            return new Table(g.Key.Table, Ns(g.Key.Schema), cols, pk.Name == null ? null : new PrimaryKey(pk.Name, pk.Columns), indexes, fks);
        }).ToList();
        var enums = enumRows.GroupBy(e => (e.Schema, e.Name)).Select(g => new DatabaseEnum(g.Key.Name, Ns(g.Key.Schema), g.Select(e => e.Value).ToList())).ToList();
        return new DatabaseSchema(tables, enums, qualify ? existingSchemas : []);
    }

    private static string Unquote(string column) =>
        column.Length > 1 && column[0] == '"' && column[^1] == '"' ? column[1..^1].Replace("\"\"", "\"") : column;

    private static string Action(string code) => code switch
    {
        "c" => "CASCADE",
        "r" => "RESTRICT",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => "NO ACTION",
    };

    /// <summary>format_type's names in the spelling the schema mapper writes (Prisma's).</summary>
    internal static string NormalizeType(string formatted)
    {
        string array = formatted.EndsWith("[]", StringComparison.Ordinal) ? "[]" : "";
        string type = array.Length > 0 ? formatted[..^2] : formatted;
        var m = TypePattern().Match(type);
        string name = m.Groups["name"].Value, args = m.Groups["args"].Value, rest = m.Groups["rest"].Value.Trim();
        // A type the schema language has no name for stays as PostgreSQL spells it: it is what
        // `Unsupported("...")` holds, and comparisons of types ignore case.
        if (!m.Success || !KnownTypes.Contains(name)) return formatted;
        string mapped = (name, rest) switch
        {
            ("character varying", _) => "VARCHAR",
            ("character", _) => "CHAR",
            ("bit varying", _) => "VARBIT",
            ("numeric", _) => "DECIMAL",
            ("timestamp", "with time zone") => "TIMESTAMPTZ",
            ("timestamp", _) => "TIMESTAMP",
            ("time", "with time zone") => "TIMETZ",
            ("time", _) => "TIME",
            _ => name.ToUpperInvariant(),
        };
        return mapped + (args.Length > 0 ? "(" + args.Replace(" ", "") + ")" : "") + array;
    }

    private static readonly HashSet<string> KnownTypes =
    [
        "character varying", "character", "bit varying", "numeric", "timestamp", "time", "text", "bit", "uuid", "xml", "inet", "citext",
        "boolean", "integer", "smallint", "oid", "bigint", "double precision", "real", "money", "date", "jsonb", "json", "bytea",
    ];

    [GeneratedRegex(@"^(?<name>[a-z ]+?)(\((?<args>[^)]*)\))?(?<rest>( with(out)? time zone)?)$")]
    private static partial Regex TypePattern();
}
