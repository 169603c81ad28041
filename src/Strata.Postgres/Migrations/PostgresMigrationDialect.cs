using System.Text;
using Strata.Migrate.Locking;
using Strata.Migrate.Model;
using Strata.Migrate.Rendering;
using Strata.Migrate.Steps;
using Strata.Schema.Semantics;

namespace Strata.Postgres.Migrations;

/// <summary>
/// Migration SQL for PostgreSQL, as Prisma writes it: upper-case types (TEXT, TIMESTAMP(3),
/// DOUBLE PRECISION), SERIAL for autoincrement, native enums, named primary keys in CREATE TABLE,
/// foreign keys added afterwards with ALTER TABLE.
/// </summary>
public sealed class PostgresMigrationDialect : SqlMigrationDialect
{
    /// <inheritdoc />
    public override ProviderKind Provider => ProviderKind.PostgreSql;

    /// <inheritdoc />
    public override bool HasNativeEnums => true;

    /// <inheritdoc />
    public override bool InlineForeignKeys => false;

    /// <inheritdoc />
    public override bool HasNamedPrimaryKeys => true;

    /// <inheritdoc />
    public override bool HasNamedForeignKeys => true;

    /// <inheritdoc />
    public override bool ManyToManyUsesPrimaryKey => true;

    /// <inheritdoc />
    public override string HistoryTableSql => """
        CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
            "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum"              VARCHAR(64) NOT NULL,
            "finished_at"           TIMESTAMPTZ,
            "migration_name"        VARCHAR(255) NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        TIMESTAMPTZ,
            "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
        );
        """;

    /// <inheritdoc />
    public override IDeployLock DeployLock { get; } = new PostgresAdvisoryLock();

    /// <inheritdoc />
    public override bool SameOperatorClass(string? method, string columnType, string? a, string? b)
    {
        var fallback = PostgresComparison.DefaultOperatorClass(method, columnType);
        return (a ?? fallback) == (b ?? fallback);
    }

    /// <inheritdoc />
    public override bool SameDefault(string? a, string? b) => PostgresComparison.SameDefault(a, b);

    /// <inheritdoc />
    /// <remarks>A time type written without a precision has PostgreSQL's default one: TIMESTAMP is TIMESTAMP(6).</remarks>
    public override bool SameType(string a, string b) => base.SameType(DefaultTimePrecision.Replace(a, "$1"), DefaultTimePrecision.Replace(b, "$1"));

    private static readonly System.Text.RegularExpressions.Regex DefaultTimePrecision =
        new(@"^(TIMESTAMPTZ|TIMESTAMP|TIMETZ|TIME)\(6\)", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <inheritdoc />
    public override int MaxIdentifierLength => PostgresComparison.MaxIdentifierBytes;

    /// <inheritdoc />
    public override string DatabaseIdentifier(string name) => PostgresComparison.Identifier(name);

    /// <inheritdoc />
    /// <remarks>Prisma sends a PostgreSQL script as it is, in one batch, with no transaction around it.</remarks>
    public override bool WrapsScriptInTransaction => false;

    /// <summary>
    /// <paramref name="connectionString"/> for a connection that runs migrations: Npgsql then tells
    /// which statement of a script failed, so that the error can name it.
    /// </summary>
    public static string ForMigrations(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { IncludeFailedBatchedCommand = true }.ConnectionString;

    /// <inheritdoc />
    public override IReadOnlyList<Range>? SplitScript(string script) => PostgresScriptSplitter.Split(script);

    /// <inheritdoc />
    public override string DescribeScriptError(System.Data.Common.DbException error, string script, Range? statement) => PostgresScriptError.Describe(error, script, statement);

    /// <inheritdoc />
    public override string ColumnType(FieldDefinition field)
    {
        if (IsAutoIncrement(field))
        {
            return field.NativeType?.Name == "SmallInt" ? "SMALLSERIAL" : field.ScalarType == ScalarType.BigInt ? "BIGSERIAL" : "SERIAL";
        }
        string type = field.Kind switch
        {
            FieldKind.Unsupported => field.UnsupportedType!,
            FieldKind.Enum => TableName(field.EnumType!.DatabaseName, field.EnumType.DatabaseSchema),
            FieldKind.Composite => "JSONB",
            _ => field.NativeType != null ? NativeType(field.NativeType) : DefaultType(field.ScalarType!.Value),
        };
        return field.IsList ? type + "[]" : type;
    }

    private static string DefaultType(ScalarType scalar) => scalar switch
    {
        ScalarType.String => "TEXT",
        ScalarType.Boolean => "BOOLEAN",
        ScalarType.Int => "INTEGER",
        ScalarType.BigInt => "BIGINT",
        ScalarType.Float => "DOUBLE PRECISION",
        ScalarType.Decimal => "DECIMAL(65,30)",
        ScalarType.DateTime => "TIMESTAMP(3)",
        ScalarType.Json => "JSONB",
        _ => "BYTEA",
    };

    private static string NativeType(NativeTypeDefinition native)
    {
        string name = native.Name switch
        {
            "DoublePrecision" => "DOUBLE PRECISION",
            "Timestamptz" => "TIMESTAMPTZ",
            "Timetz" => "TIMETZ",
            "ByteA" => "BYTEA",
            "JsonB" => "JSONB",
            "VarBit" => "VARBIT",
            _ => native.Name.ToUpperInvariant(),
        };
        return native.Arguments.Count == 0 ? name : $"{name}({string.Join(",", native.Arguments)})";
    }

    /// <inheritdoc />
    protected override string? ListDefault(FieldDefinition field, DefaultValue value)
    {
        var items = value.Items.Select(item => item.Kind == DefaultKind.EnumValue
            ? Quote(field.EnumType!.FindValue((string)item.Value!)!.DatabaseName)
            : LiteralSql(field, item.Value));
        return $"ARRAY[{string.Join(", ", items)}]::{ColumnType(field)}";
    }

    /// <inheritdoc />
    protected override string RenderCreateTable(Table table)
    {
        var lines = table.Columns.Select(column =>
        {
            var line = new StringBuilder("    ").Append(Ident(column.Name)).Append(' ').Append(column.Type);
            if (!column.Nullable) line.Append(" NOT NULL");
            if (column.Default != null) line.Append(" DEFAULT ").Append(column.Default);
            return line.ToString();
        }).ToList();
        var body = string.Join(",\n", lines);
        if (table.PrimaryKey != null)
            // Prisma lists the key's columns without a space in CREATE TABLE (unlike in its indexes).
            body += $",\n\n    CONSTRAINT {Ident(table.PrimaryKey.Name)} PRIMARY KEY ({string.Join(",", table.PrimaryKey.Columns.Select(Ident))})";
        return $"CREATE TABLE {TableName(table.Name, table.Schema)} (\n{body}\n);";
    }

    /// <inheritdoc />
    protected override string RenderAlterTable(AlterTable alter)
    {
        var table = TableName(alter.Table.Name, alter.Table.Schema);
        var before = new List<string>();
        var after = new List<string>();
        // Prisma's order in one ALTER TABLE: the old key dropped, columns dropped, columns added,
        // columns altered, the new key added; dropped and added columns in the ordinal order of
        // their names (the engine keeps them by name), altered ones in the order of the changes.
        var dropKey = new List<string>();
        var drops = new List<(string Name, string Clause)>();
        var adds = new List<(string Name, string Clause)>();
        var alters = new List<string>();
        var addKey = new List<string>();
        foreach (var change in alter.Changes)
        {
            switch (change)
            {
                case AddColumn add:
                    adds.Add((add.Column.Name, $"ADD COLUMN     {ColumnDefinition(add.Column)}"));
                    break;
                case DropColumn drop:
                    drops.Add((drop.Column.Name, $"DROP COLUMN {Ident(drop.Column.Name)}"));
                    break;
                case AlterColumn column:
                    AlterColumnClauses(alter.Table, column.From, column.To, before, alters, after);
                    break;
                case AlterPrimaryKey key:
                    if (key.From != null) dropKey.Add($"DROP CONSTRAINT {Ident(key.From.Name)}");
                    if (key.To != null) addKey.Add($"ADD CONSTRAINT {Ident(key.To.Name)} PRIMARY KEY ({string.Join(", ", key.To.Columns.Select(Ident))})");
                    break;
            }
        }
        var clauses = dropKey.Concat(drops.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Clause))
            .Concat(adds.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Clause)).Concat(alters).Concat(addKey).ToList();
        var statements = new List<string>(before);
        if (clauses.Count > 0) statements.Add($"ALTER TABLE {table} {string.Join(",\n", clauses)};");
        statements.AddRange(after);
        return string.Join("\n", statements);
    }

    /// <summary>True when PostgreSQL converts <paramref name="from"/> to <paramref name="to"/> in an assignment: between numbers, and from anything to text.</summary>
    private static bool HasAssignmentCast(string from, string to)
    {
        static bool Numeric(string t) => t is "SMALLINT" or "INTEGER" or "BIGINT" or "REAL" or "DOUBLE PRECISION" || (t.StartsWith("DECIMAL", StringComparison.Ordinal) && !IsList(t));
        // A list converts to a list item by item.
        if (IsList(from) && IsList(to)) return HasAssignmentCast(from[..^2], to[..^2]);
        // Any type, a list included, converts to text through its text form.
        return (Numeric(from) && Numeric(to)) || IsText(to);
    }

    private static bool IsList(string type) => type.EndsWith("[]", StringComparison.Ordinal);

    private static bool IsText(string type) => type == "TEXT" || type.StartsWith("VARCHAR", StringComparison.Ordinal);

    /// <summary>
    /// The conversion of a column's values where PostgreSQL makes none by itself. From text it is a
    /// cast; from anything else it goes through the text form, because no cast leads from an enum
    /// to another type, nor from a timestamp to a number: the migration then runs, and fails only
    /// where a value has no meaning in the new type (changing nothing).
    /// </summary>
    private static string Conversion(string name, string from, string to)
    {
        bool fromList = IsList(from), toList = IsList(to);
        if (!fromList && toList) return $"ARRAY[{(IsText(from) ? name : name + "::text")}]::{to}";
        if (fromList && !toList) return $"({name})[1]{(IsText(from[..^2]) ? "" : "::text")}::{to}";
        if (IsText(fromList ? from[..^2] : from)) return $"{name}::{to}";
        return $"{name}::text{(fromList ? "[]" : "")}::{to}";
    }

    private void AlterColumnClauses(Table table, Column from, Column to, List<string> before, List<string> clauses, List<string> after)
    {
        string name = Ident(to.Name);
        string sequence = Ident($"{table.Name}_{to.Name}_seq");
        bool fromList = from.Type.EndsWith("]", StringComparison.Ordinal), toList = to.Type.EndsWith("]", StringComparison.Ordinal);
        // As Prisma: a list keeps whatever NOT NULL the column had; a list that becomes a field says which it is.
        if (fromList && !toList) clauses.Add($"ALTER COLUMN {name} {(to.Nullable ? "DROP" : "SET")} NOT NULL");
        else if (!toList && from.Nullable != to.Nullable) clauses.Add($"ALTER COLUMN {name} {(to.Nullable ? "DROP" : "SET")} NOT NULL");
        if (to.AutoIncrement && !from.AutoIncrement)
        {
            before.Add($"CREATE SEQUENCE IF NOT EXISTS {TableName($"{table.Name}_{to.Name}_seq", table.Schema)};");
            clauses.Add($"ALTER COLUMN {name} SET DEFAULT nextval('{(table.Schema == null ? sequence : Ident(table.Schema) + "." + sequence).Replace("'", "''")}')");
            after.Add($"ALTER SEQUENCE {TableName($"{table.Name}_{to.Name}_seq", table.Schema)} OWNED BY {TableName(table.Name, table.Schema)}.{name};");
        }
        else if (from.AutoIncrement && !to.AutoIncrement)
        {
            clauses.Add($"ALTER COLUMN {name} {(to.Default == null ? "DROP DEFAULT" : "SET DEFAULT " + to.Default)}");
            after.Add($"DROP SEQUENCE IF EXISTS {TableName($"{table.Name}_{to.Name}_seq", table.Schema)};");
        }
        else if (Converted(from, to) && from.Default != null)
        {
            // The old default would have to convert with the values, and has no USING: it goes
            // first (PostgreSQL drops defaults before it changes types, whatever the clause order)
            // and the new one is set after.
            clauses.Add($"ALTER COLUMN {name} DROP DEFAULT");
        }
        else if (!SameDefault(from.Default, to.Default) || (from.Default != null && to.Default != null && DefaultValueKind(from.Type) != DefaultValueKind(to.Type)))
        {
            clauses.Add($"ALTER COLUMN {name} {(to.Default == null ? "DROP DEFAULT" : "SET DEFAULT " + to.Default)}");
        }
        // Prisma changes the type last, after nullability and default.
        if (!SameType(BaseType(from.Type), BaseType(to.Type)))
        {
            string type = BaseType(to.Type);
            // Like Prisma, no USING where PostgreSQL converts by itself (an assignment cast); Strata
            // keeps it for the other changes, which Prisma makes by dropping and adding the column.
            // A field that becomes a list keeps its value as the list's one item, and a list that
            // becomes a field keeps its first item (where the engine writes no conversion that runs).
            clauses.Add(!Converted(from, to) ? $"ALTER COLUMN {name} SET DATA TYPE {type}"
                : $"ALTER COLUMN {name} SET DATA TYPE {type} USING {Conversion(name, BaseType(from.Type), type)}");
            if (Converted(from, to) && from.Default != null && to.Default != null && !from.AutoIncrement && !to.AutoIncrement)
                clauses.Add($"ALTER COLUMN {name} SET DEFAULT {to.Default}");
        }
    }

    /// <summary>True when the column's type changes to one PostgreSQL does not convert to by itself, so that the values need USING.</summary>
    private bool Converted(Column from, Column to) =>
        !SameType(BaseType(from.Type), BaseType(to.Type)) && !HasAssignmentCast(BaseType(from.Type), BaseType(to.Type));

    /// <summary>
    /// The kind of value a default of a column of <paramref name="type"/> is, as Prisma tells them
    /// apart: when a column's type changes, a default of the same text is set again unless it stays
    /// the same kind (<c>0</c> as an Int and as a Float are two defaults to Prisma).
    /// </summary>
    private static string DefaultValueKind(string type) => BaseType(type) switch
    {
        "SMALLINT" or "INTEGER" or "BIGINT" => "integer",
        "REAL" or "DOUBLE PRECISION" => "number",
        var t when t.StartsWith("DECIMAL", StringComparison.Ordinal) => "number",
        "TEXT" => "text",
        var t when t.StartsWith("\"", StringComparison.Ordinal) => "text", // an enum's value is a string to Prisma too
        var other => other,
    };

    /// <summary>SERIAL types are integers with a sequence; compare and convert their integer type.</summary>
    private static string BaseType(string type) => type switch
    {
        "SERIAL" => "INTEGER",
        "BIGSERIAL" => "BIGINT",
        "SMALLSERIAL" => "SMALLINT",
        _ => type,
    };

    private static string ColumnDefinition(Column column) =>
        $"{Ident(column.Name)} {column.Type}{(column.Nullable ? "" : " NOT NULL")}{(column.Default == null ? "" : " DEFAULT " + column.Default)}";

    /// <inheritdoc />
    protected override string RenderDropForeignKey(Table table, ForeignKey foreignKey) =>
        $"ALTER TABLE {TableName(table.Name, table.Schema)} DROP CONSTRAINT {Ident(foreignKey.Name)};";

    /// <summary>
    /// New values are added in place, at the end (value order is no difference), with Prisma's
    /// warning above them when there are several. Removing a value needs a new type: the columns
    /// that use the enum are converted through text and the old type is dropped, between BEGIN and
    /// COMMIT as Prisma writes it (the runner sends the file as it is, so the script's own
    /// transaction is the one it runs in).
    /// </summary>
    protected override string RenderAlterEnum(AlterEnum alter)
    {
        var name = TableName(alter.To.Name, alter.To.Schema);
        if (alter.From.Values.All(alter.To.Values.Contains))
        {
            var added = alter.To.Values.Where(v => !alter.From.Values.Contains(v)).Select(v => $"ALTER TYPE {name} ADD VALUE {Quote(v)};").ToList();
            if (added.Count > 1) added[0] = ManyEnumValuesWarning + added[0];
            return string.Join("\n", added);
        }
        var fresh = TableName(alter.To.Name + "_new", alter.To.Schema);
        var old = TableName(alter.To.Name + "_old", alter.To.Schema);
        var statements = new List<string> { "BEGIN;", $"CREATE TYPE {fresh} AS ENUM ({string.Join(", ", alter.To.Values.Select(Quote))});" };
        bool Uses(Column c) => c.Type == name || c.Type == name + "[]";
        // As Prisma: every default of the type is dropped first (the old type goes), in the tables
        // before, then every column of the type is converted, then the defaults that stay come back.
        var defaults = new List<(Table Table, Column Column, Column? Kept)>();
        foreach (var table in alter.PreviousTables.Where(t => !alter.Tables.Any(n => n.Name == t.Name && n.Schema == t.Schema)))
            defaults.AddRange(table.Columns.Where(c => Uses(c) && c.Default != null).Select(c => (table, c, (Column?)null)));
        foreach (var table in alter.PreviousTables)
        {
            var next = alter.Tables.FirstOrDefault(n => n.Name == table.Name && n.Schema == table.Schema);
            if (next == null) continue;
            var used = table.Columns.Where(c => Uses(c) && c.Default != null).ToList();
            defaults.AddRange(used.Where(c => next.Columns.All(n => n.Name != c.Name)).Select(c => (table, c, (Column?)null)));
            defaults.AddRange(used.Where(c => next.Columns.Any(n => n.Name == c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => (table, c, next.Columns.FirstOrDefault(n => n.Name == c.Name && Uses(n) && n.Default != null))));
        }
        foreach (var (table, column, _) in defaults)
            statements.Add($"ALTER TABLE {TableName(table.Name, table.Schema)} ALTER COLUMN {Ident(column.Name)} DROP DEFAULT;");
        // The columns of the type after that exist now (a new table or column comes later, of the
        // new type already); then those that use it now and will not (dropped later, with their table
        // or alone, or given another type). The engine converts all columns of the type after, so
        // that its script fails on the ones not there yet and on dropping the old type.
        bool Exists(Table table, Column column) =>
            alter.PreviousTables.Any(t => t.Name == table.Name && t.Schema == table.Schema && t.Columns.Any(c => c.Name == column.Name));
        var converted = alter.Tables.SelectMany(t => t.Columns.Where(c => Uses(c) && Exists(t, c)).Select(c => (Table: t, Column: c))).ToList();
        converted.AddRange(alter.PreviousTables.SelectMany(t => t.Columns.Where(Uses).Select(c => (Table: t, Column: c)))
            .Where(p => !converted.Any(n => n.Table.Name == p.Table.Name && n.Table.Schema == p.Table.Schema && n.Column.Name == p.Column.Name)));
        foreach (var (table, column) in converted)
        {
            bool array = column.Type.EndsWith("[]", StringComparison.Ordinal);
            // A list goes through its text form too ('{A,B}'), which reads back as an array of the new type.
            statements.Add($"ALTER TABLE {TableName(table.Name, table.Schema)} ALTER COLUMN {Ident(column.Name)} TYPE {fresh}{(array ? "[]" : "")} USING ({Ident(column.Name)}::text::{fresh}{(array ? "[]" : "")});");
        }
        statements.Add($"ALTER TYPE {name} RENAME TO {Ident(alter.To.Name + "_old")};");
        statements.Add($"ALTER TYPE {fresh} RENAME TO {Ident(alter.To.Name)};");
        statements.Add($"DROP TYPE {old};");
        foreach (var (table, _, kept) in defaults.Where(d => d.Kept != null))
            statements.Add($"ALTER TABLE {TableName(table.Name, table.Schema)} ALTER COLUMN {Ident(kept!.Name)} SET DEFAULT {kept.Default};");
        statements.Add("COMMIT;");
        return string.Join("\n", statements);
    }

    /// <summary>What Prisma writes above the first of several values added to an enum at once.</summary>
    private const string ManyEnumValuesWarning = """
        -- This migration adds more than one value to an enum.
        -- With PostgreSQL versions 11 and earlier, this is not possible
        -- in a single migration. This can be worked around by creating
        -- multiple migrations, each migration adding only one value to
        -- the enum.



        """;

    /// <inheritdoc />
    protected override string RenderCreateEnum(DatabaseEnum e) =>
        $"CREATE TYPE {TableName(e.Name, e.Schema)} AS ENUM ({string.Join(", ", e.Values.Select(Quote))});";

    /// <inheritdoc />
    protected override string RenderAddForeignKey(Table table, ForeignKey foreignKey) =>
        $"ALTER TABLE {TableName(table.Name, table.Schema)} ADD CONSTRAINT {Ident(foreignKey.Name)} {ForeignKeyClause(foreignKey, spaceBeforeReferencedColumns: false)};";

    /// <summary>Operator classes: <c>raw("text_pattern_ops")</c> as written inside, Prisma's names (<c>JsonbPathOps</c>) in snake case.</summary>
    public override string OperatorClass(string written) =>
        written.StartsWith("raw(\"", StringComparison.Ordinal) && written.EndsWith("\")", StringComparison.Ordinal)
            ? written[5..^2]
            : string.Concat(written.Select((c, i) => char.IsUpper(c) && i > 0 && !char.IsDigit(written[i - 1]) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <inheritdoc />
    public override string ReferenceColumnType(FieldDefinition key) =>
        key.NativeType != null ? NativeType(key.NativeType) : key.Kind == FieldKind.Scalar ? DefaultType(key.ScalarType!.Value) : ColumnType(key);

    /// <inheritdoc />
    protected override string BytesLiteral(byte[] bytes) => "'\\x" + Convert.ToHexString(bytes).ToLowerInvariant() + "'";

    /// <inheritdoc />
    protected override string RenderCreateIndex(Table table, Strata.Migrate.Model.Index index) =>
        // B-tree is the default method, so Prisma writes USING only for the others.
        base.RenderCreateIndex(table, index.Method == "BTREE" ? index with { Method = null } : index);
}
