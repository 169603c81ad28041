using System.Globalization;
using System.Text;
using Strata.Migrate.Locking;
using Strata.Migrate.Model;
using Strata.Migrate.Rendering;
using Strata.Migrate.Steps;
using Strata.Schema.Semantics;

namespace Strata.MySql.Migrations;

/// <summary>
/// Migration SQL for MySQL and MariaDB, as Prisma's engine writes it: backtick quoting, VARCHAR(191)
/// strings, enums inline as ENUM('A', 'B'), AUTO_INCREMENT, indexes and the primary key inside
/// CREATE TABLE with utf8mb4 and Prisma's collation, foreign keys added afterwards by ALTER TABLE,
/// column changes as MODIFY. DDL is not transactional on MySQL, so a script runs statement by
/// statement, as Prisma runs it, and a failure names the statement.
/// </summary>
public sealed class MySqlMigrationDialect : SqlMigrationDialect
{
    /// <summary>The character set and collation Prisma gives every table it creates.</summary>
    private const string TableOptions = " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    /// <inheritdoc />
    public override ProviderKind Provider => ProviderKind.MySql;

    /// <inheritdoc />
    public override bool HasNativeEnums => false;

    /// <inheritdoc />
    public override bool InlineForeignKeys => false;

    /// <inheritdoc />
    /// <remarks>MySQL names every primary key PRIMARY.</remarks>
    public override bool HasNamedPrimaryKeys => false;

    /// <inheritdoc />
    /// <remarks>Prisma's differ never renames a foreign key on MySQL: a renamed one is dropped and added.</remarks>
    public override bool HasNamedForeignKeys => false;

    /// <inheritdoc />
    public override bool ManyToManyUsesPrimaryKey => false;

    /// <inheritdoc />
    public override bool IndexesInCreateTable => true;

    /// <inheritdoc />
    public override bool KeepsForeignKeyIndexes => true;

    /// <inheritdoc />
    public override int MaxIdentifierLength => 64;

    /// <inheritdoc />
    /// <remarks>MySQL's DDL commits as it goes: Prisma sends the script as it is, and so does Strata, a statement at a time.</remarks>
    public override bool WrapsScriptInTransaction => false;

    /// <inheritdoc />
    public override bool SendsStatementsOneByOne => true;

    /// <inheritdoc />
    public override string HistoryTableSql => """
        CREATE TABLE IF NOT EXISTS `_prisma_migrations` (
            `id`                    VARCHAR(36) PRIMARY KEY NOT NULL,
            `checksum`              VARCHAR(64) NOT NULL,
            `finished_at`           DATETIME(3),
            `migration_name`        VARCHAR(255) NOT NULL,
            `logs`                  TEXT,
            `rolled_back_at`        DATETIME(3),
            `started_at`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
            `applied_steps_count`   INTEGER UNSIGNED NOT NULL DEFAULT 0
        ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        """;

    /// <inheritdoc />
    public override IDeployLock DeployLock { get; } = new MySqlAdvisoryLock();

    /// <inheritdoc />
    public override string QuoteIdentifier(string name) => Tick(name);

    /// <inheritdoc />
    /// <remarks>A MySQL database is its schema: names are never qualified.</remarks>
    public override string QuoteName(string name, string? schema) => Tick(name);

    /// <summary>
    /// <paramref name="connectionString"/> for a connection that runs migrations: hand-written SQL may
    /// use MySQL's user variables (<c>SET @n := 1</c>), which MySqlConnector would otherwise take for
    /// parameters that were never given.
    /// </summary>
    public static string ForMigrations(string connectionString) =>
        new MySqlConnector.MySqlConnectionStringBuilder(connectionString) { AllowUserVariables = true }.ConnectionString;

    /// <inheritdoc />
    public override bool SameType(string a, string b) => MySqlComparison.SameType(a, b);

    /// <inheritdoc />
    public override bool SameDefault(string? a, string? b) => MySqlComparison.SameDefault(a, b);

    /// <inheritdoc />
    public override IReadOnlyList<Range>? SplitScript(string script) => MySqlScriptSplitter.Split(script);

    /// <inheritdoc />
    public override string DescribeScriptError(System.Data.Common.DbException error, string script, Range? statement) =>
        MySqlScriptError.Describe(error, script, statement);

    /// <summary>An identifier in backticks, inner backticks doubled.</summary>
    public static string Tick(string name) => "`" + name.Replace("`", "``") + "`";

    /// <inheritdoc />
    public override string ColumnType(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Unsupported => field.UnsupportedType!,
        FieldKind.Enum => "ENUM(" + string.Join(", ", field.EnumType!.Values.Select(v => Quote(v.DatabaseName))) + ")",
        FieldKind.Composite => "JSON",
        _ => field.NativeType != null ? MySqlTypes.Native(field.NativeType, field.ScalarType) : MySqlTypes.Default(field.ScalarType!.Value),
    };

    /// <inheritdoc />
    public override string ReferenceColumnType(FieldDefinition key) => ColumnType(key);

    /// <inheritdoc />
    public override string? DefaultSql(FieldDefinition field)
    {
        var value = field.Default;
        if (value == null) return null;
        bool dbGenerated = value is { Kind: DefaultKind.Function, FunctionName: "dbgenerated" };
        // MySQL takes no literal defaults on JSON and BLOB columns: Prisma leaves them out of the DDL.
        if (!dbGenerated && (field.ScalarType is ScalarType.Json or ScalarType.Bytes || field.Kind == FieldKind.Composite)) return null;
        if (value is { Kind: DefaultKind.Function, FunctionName: "now" })
            return $"CURRENT_TIMESTAMP({MySqlTypes.TimePrecision(field.NativeType) ?? 3})";
        return base.DefaultSql(field);
    }

    /// <inheritdoc />
    protected override string LiteralSql(FieldDefinition field, object? value) => value switch
    {
        // Prisma writes a DateTime default as RFC 3339 text, which MySQL reads as a datetime.
        string s when field.ScalarType == ScalarType.DateTime && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
            Quote(at.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(at) + at.ToString("zzz", CultureInfo.InvariantCulture)),
        _ => base.LiteralSql(field, value),
    };

    private static string Fraction(DateTimeOffset at)
    {
        var ticks = at.Ticks % TimeSpan.TicksPerSecond;
        return ticks == 0 ? "" : "." + (ticks / 10_000).ToString("D3", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    protected override string BytesLiteral(byte[] bytes) => "x'" + Convert.ToHexString(bytes) + "'";

    /// <inheritdoc />
    protected override string RenderStep(MigrationStep step) => step switch
    {
        CreateTable create => RenderCreateTable(create.Table),
        CreateIndex index => RenderCreateIndex(index.Table, index.Index),
        AddForeignKey fk => RenderAddForeignKey(fk.Table, fk.ForeignKey),
        AlterTable alter => RenderAlterTable(alter),
        DropTable drop => $"DROP TABLE {Tick(drop.Table.Name)};",
        DropIndex drop => $"DROP INDEX {Tick(drop.Index.Name)} ON {Tick(drop.Table.Name)};",
        DropForeignKey drop => RenderDropForeignKey(drop.Table, drop.ForeignKey),
        RenameIndex rename => RenderRenameIndex(rename),
        _ => throw new NotSupportedException($"{nameof(MySqlMigrationDialect)} cannot render {step.GetType().Name}."),
    };

    /// <inheritdoc />
    protected override string RenderRenameIndex(RenameIndex rename) =>
        $"ALTER TABLE {Tick(rename.Table.Name)} RENAME INDEX {Tick(rename.From.Name)} TO {Tick(rename.To.Name)};";

    /// <inheritdoc />
    protected override string RenderCreateTable(Table table)
    {
        var body = new StringBuilder();
        body.Append(string.Join(",\n", table.Columns.Select(c => "    " + ColumnDefinition(c))));
        var keys = table.Indexes.Select(i => $"    {IndexKind(i)}INDEX {Tick(i.Name)}({IndexColumns(i)})").ToList();
        if (table.PrimaryKey != null) keys.Add($"    PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Columns.Select(Tick))})");
        if (keys.Count > 0) body.Append(",\n\n").Append(string.Join(",\n", keys));
        return $"CREATE TABLE {Tick(table.Name)} (\n{body}\n){TableOptions};";
    }

    private static string IndexKind(Strata.Migrate.Model.Index index) =>
        index.Unique ? "UNIQUE " : index.Method == "FULLTEXT" ? "FULLTEXT " : "";

    private static string IndexColumns(Strata.Migrate.Model.Index index) =>
        string.Join(", ", index.Columns.Select(c => Tick(c.Name) + (c.Length is { } length ? $"({length})" : "") + (c.Descending ? " DESC" : "")));

    /// <inheritdoc />
    protected override string RenderCreateIndex(Table table, Strata.Migrate.Model.Index index) =>
        $"CREATE {IndexKind(index)}INDEX {Tick(index.Name)} ON {Tick(table.Name)}({IndexColumns(index)});";

    /// <summary><c>`name` TYPE NOT NULL AUTO_INCREMENT DEFAULT x</c>: MySQL's NULL is written out, as Prisma does.</summary>
    private static string ColumnDefinition(Column column) =>
        $"{Tick(column.Name)} {column.Type}{(column.Nullable ? " NULL" : " NOT NULL")}{(column.AutoIncrement ? " AUTO_INCREMENT" : "")}{(column.Default == null ? "" : " DEFAULT " + column.Default)}";

    /// <inheritdoc />
    protected override string RenderAlterTable(AlterTable alter)
    {
        // Prisma's order in one ALTER TABLE, as on PostgreSQL: the old key dropped, columns dropped and
        // added (each in the order of their names), columns changed in table order, the new key added.
        var dropKey = new List<string>();
        var drops = new List<(string Name, string Clause)>();
        var adds = new List<(string Name, string Clause)>();
        var changes = new List<string>();
        var addKey = new List<string>();
        foreach (var change in alter.Changes)
        {
            switch (change)
            {
                case AddColumn add:
                    adds.Add((add.Column.Name, "ADD COLUMN " + ColumnDefinition(add.Column)));
                    break;
                case DropColumn drop:
                    drops.Add((drop.Column.Name, "DROP COLUMN " + Tick(drop.Column.Name)));
                    break;
                case AlterColumn column:
                    changes.Add(AlterColumnClause(column.From, column.To));
                    break;
                case AlterPrimaryKey key:
                    if (key.From != null) dropKey.Add("DROP PRIMARY KEY");
                    if (key.To != null) addKey.Add($"ADD PRIMARY KEY ({string.Join(", ", key.To.Columns.Select(Tick))})");
                    break;
            }
        }
        var clauses = dropKey.Concat(drops.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => d.Clause))
            .Concat(adds.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Clause)).Concat(changes).Concat(addKey).ToList();
        return clauses.Count == 0 ? "" : $"ALTER TABLE {Tick(alter.Table.Name)} {string.Join(",\n    ", clauses)};";
    }

    /// <summary>
    /// A default that only goes away is ALTER COLUMN ... DROP DEFAULT; anything else restates the
    /// whole column with MODIFY (MySQL's SET DEFAULT takes no expressions), which also converts values.
    /// </summary>
    private string AlterColumnClause(Column from, Column to)
    {
        bool onlyDefaultDropped = to.Default == null && from.Default != null
            && from.Nullable == to.Nullable && from.AutoIncrement == to.AutoIncrement && SameType(from.Type, to.Type);
        if (onlyDefaultDropped) return $"ALTER COLUMN {Tick(to.Name)} DROP DEFAULT";
        return $"MODIFY {Tick(to.Name)} {to.Type}{(to.Nullable ? " NULL" : " NOT NULL")}{(to.Default == null ? "" : " DEFAULT " + to.Default)}{(to.AutoIncrement ? " AUTO_INCREMENT" : "")}";
    }

    /// <inheritdoc />
    protected override string RenderDropForeignKey(Table table, ForeignKey foreignKey) =>
        $"ALTER TABLE {Tick(table.Name)} DROP FOREIGN KEY {Tick(foreignKey.Name)};";

    /// <inheritdoc />
    protected override string RenderAddForeignKey(Table table, ForeignKey fk) =>
        $"ALTER TABLE {Tick(table.Name)} ADD CONSTRAINT {Tick(fk.Name)} FOREIGN KEY ({string.Join(", ", fk.Columns.Select(Tick))}) REFERENCES {Tick(fk.ReferencedTable)}({string.Join(", ", fk.ReferencedColumns.Select(Tick))}) ON DELETE {fk.OnDelete} ON UPDATE {fk.OnUpdate};";
}
