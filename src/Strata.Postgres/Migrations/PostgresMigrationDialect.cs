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
        // columns altered, the new key added; within each kind, the order of the changes.
        var dropKey = new List<string>();
        var drops = new List<string>();
        var adds = new List<string>();
        var alters = new List<string>();
        var addKey = new List<string>();
        foreach (var change in alter.Changes)
        {
            switch (change)
            {
                case AddColumn add:
                    adds.Add($"ADD COLUMN     {ColumnDefinition(add.Column)}");
                    break;
                case DropColumn drop:
                    drops.Add($"DROP COLUMN {Ident(drop.Column.Name)}");
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
        var clauses = dropKey.Concat(drops).Concat(adds).Concat(alters).Concat(addKey).ToList();
        var statements = new List<string>(before);
        if (clauses.Count > 0) statements.Add($"ALTER TABLE {table} {string.Join(",\n", clauses)};");
        statements.AddRange(after);
        return string.Join("\n", statements);
    }

    /// <summary>True when PostgreSQL converts <paramref name="from"/> to <paramref name="to"/> in an assignment: between numbers, and from anything to text.</summary>
    private static bool HasAssignmentCast(string from, string to)
    {
        static bool Numeric(string t) => t is "SMALLINT" or "INTEGER" or "BIGINT" or "REAL" or "DOUBLE PRECISION" || t.StartsWith("DECIMAL", StringComparison.Ordinal);
        static bool Text(string t) => t == "TEXT" || t.StartsWith("VARCHAR", StringComparison.Ordinal);
        return (Numeric(from) && Numeric(to)) || (Text(to) && !from.EndsWith("]", StringComparison.Ordinal));
    }

    private void AlterColumnClauses(Table table, Column from, Column to, List<string> before, List<string> clauses, List<string> after)
    {
        string name = Ident(to.Name);
        string sequence = Ident($"{table.Name}_{to.Name}_seq");
        if (!SameType(BaseType(from.Type), BaseType(to.Type)))
        {
            string type = BaseType(to.Type);
            // Like Prisma, no USING where PostgreSQL converts by itself (an assignment cast); Strata
            // keeps it for the other changes, which Prisma makes by dropping and adding the column.
            clauses.Add(HasAssignmentCast(BaseType(from.Type), type)
                ? $"ALTER COLUMN {name} SET DATA TYPE {type}"
                : $"ALTER COLUMN {name} SET DATA TYPE {type} USING {name}::{type}");
        }
        if (from.Nullable != to.Nullable) clauses.Add($"ALTER COLUMN {name} {(to.Nullable ? "DROP" : "SET")} NOT NULL");
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
        else if (!SameDefault(from.Default, to.Default))
        {
            clauses.Add($"ALTER COLUMN {name} {(to.Default == null ? "DROP DEFAULT" : "SET DEFAULT " + to.Default)}");
        }
    }

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
    /// New values are added in place. Removing a value needs a new type: the columns that use the
    /// enum are converted through text, and the old type is dropped. No BEGIN/COMMIT: the migration
    /// runs in one transaction.
    /// </summary>
    protected override string RenderAlterEnum(AlterEnum alter)
    {
        var name = TableName(alter.To.Name, alter.To.Schema);
        if (alter.From.Values.All(alter.To.Values.Contains))
        {
            var added = new List<string>();
            for (int i = 0; i < alter.To.Values.Count; i++)
            {
                var value = alter.To.Values[i];
                if (alter.From.Values.Contains(value)) continue;
                var next = alter.To.Values.Skip(i + 1).FirstOrDefault(alter.From.Values.Contains);
                added.Add($"ALTER TYPE {name} ADD VALUE {Quote(value)}{(next == null ? "" : " BEFORE " + Quote(next))};");
            }
            if (alter.To.Values.Where(alter.From.Values.Contains).SequenceEqual(alter.From.Values)) return string.Join("\n", added);
        }
        var fresh = TableName(alter.To.Name + "_new", alter.To.Schema);
        var old = TableName(alter.To.Name + "_old", alter.To.Schema);
        var statements = new List<string> { $"CREATE TYPE {fresh} AS ENUM ({string.Join(", ", alter.To.Values.Select(Quote))});" };
        var users = alter.Tables.SelectMany(t => t.Columns.Where(c => c.Type == name || c.Type == name + "[]").Select(c => (Table: t, Column: c))).ToList();
        foreach (var (table, column) in users)
        {
            var t = TableName(table.Name, table.Schema);
            bool array = column.Type.EndsWith("[]", StringComparison.Ordinal);
            if (column.Default != null) statements.Add($"ALTER TABLE {t} ALTER COLUMN {Ident(column.Name)} DROP DEFAULT;");
            statements.Add($"ALTER TABLE {t} ALTER COLUMN {Ident(column.Name)} TYPE {fresh}{(array ? "[]" : "")} USING ({Ident(column.Name)}::text{(array ? "[]" : "")}::{fresh}{(array ? "[]" : "")});");
        }
        statements.Add($"ALTER TYPE {name} RENAME TO {Ident(alter.To.Name + "_old")};");
        statements.Add($"ALTER TYPE {fresh} RENAME TO {Ident(alter.To.Name)};");
        statements.Add($"DROP TYPE {old};");
        foreach (var (table, column) in users.Where(u => u.Column.Default != null))
            statements.Add($"ALTER TABLE {TableName(table.Name, table.Schema)} ALTER COLUMN {Ident(column.Name)} SET DEFAULT {column.Default};");
        return string.Join("\n", statements);
    }

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
