using System.Globalization;
using System.Text;
using Strata.Migrate.Locking;
using Strata.Migrate.Model;
using Strata.Migrate.Steps;
using Strata.Schema.Semantics;

namespace Strata.Migrate.Rendering;

/// <summary>
/// The parts of migration SQL that SQLite and PostgreSQL write alike (ANSI quoting, CREATE INDEX,
/// literal defaults, Prisma's "-- StepName" headers). A provider subclasses it and overrides only
/// what differs: types, column lines, CREATE TABLE, foreign keys.
/// </summary>
public abstract class SqlMigrationDialect : IMigrationDialect
{
    /// <inheritdoc />
    public abstract ProviderKind Provider { get; }

    /// <inheritdoc />
    public abstract bool HasNativeEnums { get; }

    /// <inheritdoc />
    public abstract bool InlineForeignKeys { get; }

    /// <inheritdoc />
    public abstract bool ManyToManyUsesPrimaryKey { get; }

    /// <inheritdoc />
    public abstract string ColumnType(FieldDefinition field);

    /// <inheritdoc />
    public abstract bool HasNamedPrimaryKeys { get; }

    /// <inheritdoc />
    public abstract bool HasNamedForeignKeys { get; }

    /// <inheritdoc />
    public virtual bool SameType(string a, string b) =>
        string.Equals(SqlText.Squeeze(a), SqlText.Squeeze(b), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public virtual bool SameDefault(string? a, string? b) =>
        a == null || b == null ? a == b : SqlText.NormalizeExpression(a) == SqlText.NormalizeExpression(b);

    /// <inheritdoc />
    public abstract string HistoryTableSql { get; }

    /// <inheritdoc />
    public abstract IDeployLock DeployLock { get; }

    /// <inheritdoc />
    public virtual string QuoteIdentifier(string name) => Ident(name);

    /// <inheritdoc />
    public virtual string QuoteName(string name, string? schema) => TableName(name, schema);

    /// <inheritdoc />
    public virtual bool IndexesInCreateTable => false;

    /// <inheritdoc />
    public virtual bool KeepsForeignKeyIndexes => false;

    /// <inheritdoc />
    public virtual bool SendsStatementsOneByOne => false;

    /// <inheritdoc />
    public virtual string? BeforeMigrationSql => null;

    /// <inheritdoc />
    public virtual string? AfterMigrationSql => null;

    /// <inheritdoc />
    public virtual bool ComparesAutoIncrement => true;

    /// <inheritdoc />
    public virtual bool DropsIndexesOfDroppedTables => false;

    /// <inheritdoc />
    public virtual bool SameOperatorClass(string? method, string columnType, string? a, string? b) => a == b;

    /// <inheritdoc />
    public virtual int MaxIdentifierLength => int.MaxValue;

    /// <inheritdoc />
    public virtual string DatabaseIdentifier(string name) => name;

    /// <inheritdoc />
    public virtual bool WrapsScriptInTransaction => true;

    /// <inheritdoc />
    public virtual void PrepareScriptConnection(System.Data.Common.DbConnection connection) { }

    /// <inheritdoc />
    public virtual IReadOnlyList<Range>? SplitScript(string script) => null;

    /// <inheritdoc />
    public virtual string DescribeScriptError(System.Data.Common.DbException error, string script, Range? statement) => error.Message.ReplaceLineEndings(" ");

    /// <inheritdoc />
    public virtual string ReferenceColumnType(FieldDefinition key) => ColumnType(key);

    /// <inheritdoc />
    public virtual string OperatorClass(string written) => written;

    /// <inheritdoc />
    public virtual bool IsAutoIncrement(FieldDefinition field) => field.Default?.IsAutoincrement == true;

    /// <inheritdoc />
    public virtual string? DefaultSql(FieldDefinition field)
    {
        var value = field.Default;
        if (value == null) return null;
        return value.Kind switch
        {
            DefaultKind.Function => value.FunctionName switch
            {
                "now" => "CURRENT_TIMESTAMP",
                "dbgenerated" when value.FunctionArguments.Count == 1 => (string)value.FunctionArguments[0],
                _ => null, // autoincrement is a column property; uuid(), cuid()... are made by the client
            },
            DefaultKind.EnumValue => Quote(field.EnumType!.FindValue((string)value.Value!)!.DatabaseName),
            DefaultKind.List => ListDefault(field, value),
            _ => LiteralSql(field, value.Value),
        };
    }

    /// <summary>A list default; only providers with scalar lists have them.</summary>
    protected virtual string? ListDefault(FieldDefinition field, DefaultValue value) => null;

    /// <summary>A literal default as SQL. Bytes defaults are written in base64 in the schema and as bytes here.</summary>
    protected virtual string LiteralSql(FieldDefinition field, object? value) => value switch
    {
        string s when field.ScalarType == ScalarType.Bytes => BytesLiteral(Convert.FromBase64String(s)),
        string s when field.ScalarType == ScalarType.DateTime && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) =>
            Quote(DateTimeLiteral(at)),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        string s => Quote(s),
        _ => "NULL",
    };

    /// <summary>
    /// A DateTime default as Prisma writes it on every provider: date, time, the fraction in as many
    /// of 3, 6 or 9 digits as it needs (none when zero), and the offset as written.
    /// </summary>
    internal static string DateTimeLiteral(DateTimeOffset at)
    {
        var nanoseconds = at.Ticks % TimeSpan.TicksPerSecond * 100;
        var fraction = nanoseconds == 0 ? ""
            : nanoseconds % 1_000_000 == 0 ? "." + (nanoseconds / 1_000_000).ToString("D3", CultureInfo.InvariantCulture)
            : nanoseconds % 1_000 == 0 ? "." + (nanoseconds / 1_000).ToString("D6", CultureInfo.InvariantCulture)
            : "." + nanoseconds.ToString("D9", CultureInfo.InvariantCulture);
        var offset = at.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction + " " + sign + offset.Duration().ToString("hh\\:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A binary literal.</summary>
    protected abstract string BytesLiteral(byte[] bytes);

    /// <summary>An identifier in double quotes, inner quotes doubled.</summary>
    public static string Ident(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    /// <summary>A string literal in single quotes, inner quotes doubled.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>A possibly schema-qualified table name.</summary>
    protected static string TableName(string name, string? schema) => schema == null ? Ident(name) : Ident(schema) + "." + Ident(name);

    /// <inheritdoc />
    public string Render(IReadOnlyList<MigrationStep> steps)
    {
        var sql = new StringBuilder();
        foreach (var step in GroupTableChanges(steps))
        {
            if (sql.Length > 0) sql.Append('\n');
            sql.Append("-- ").Append(StepTitle(step)).Append('\n');
            sql.Append(RenderStep(step)).Append('\n');
        }
        return sql.ToString();
    }

    /// <summary>The table a column or primary key change applies to; null for other steps.</summary>
    protected static Table? ColumnChangeTable(MigrationStep step) => step switch
    {
        AddColumn a => a.Table,
        DropColumn d => d.Table,
        AlterColumn c => c.Table,
        AlterPrimaryKey k => k.Table,
        _ => null,
    };

    /// <summary>Consecutive column and key changes of one table become one <see cref="AlterTable"/>.</summary>
    protected virtual IReadOnlyList<MigrationStep> GroupTableChanges(IReadOnlyList<MigrationStep> steps)
    {
        var result = new List<MigrationStep>();
        foreach (var step in steps)
        {
            var table = ColumnChangeTable(step);
            if (table == null)
            {
                result.Add(step);
                continue;
            }
            if (result.Count > 0 && result[^1] is AlterTable group && group.Table.Name == table.Name && group.Table.Schema == table.Schema)
                result[^1] = group with { Changes = group.Changes.Append(step).ToList() };
            else
                result.Add(new AlterTable(table, [step]));
        }
        return result;
    }

    /// <summary>The header comment Prisma writes above each statement.</summary>
    protected virtual string StepTitle(MigrationStep step) => step switch
    {
        CreateSchema => "CreateSchema",
        CreateEnum => "CreateEnum",
        CreateTable => "CreateTable",
        CreateIndex => "CreateIndex",
        AddForeignKey => "AddForeignKey",
        _ => step.GetType().Name,
    };

    /// <summary>The SQL of one step, ending with a semicolon.</summary>
    protected virtual string RenderStep(MigrationStep step) => step switch
    {
        CreateTable create => RenderCreateTable(create.Table),
        CreateIndex index => RenderCreateIndex(index.Table, index.Index),
        CreateEnum e => RenderCreateEnum(e.Enum),
        CreateSchema schema => $"CREATE SCHEMA IF NOT EXISTS {Ident(schema.Name)};",
        AddForeignKey fk => RenderAddForeignKey(fk.Table, fk.ForeignKey),
        AlterTable alter => RenderAlterTable(alter),
        DropTable drop => $"DROP TABLE {TableName(drop.Table.Name, drop.Table.Schema)};",
        DropIndex drop => $"DROP INDEX {TableName(drop.Index.Name, drop.Table.Schema)};",
        DropForeignKey drop => RenderDropForeignKey(drop.Table, drop.ForeignKey),
        RenameIndex rename => RenderRenameIndex(rename),
        RenameForeignKey rename => $"ALTER TABLE {TableName(rename.Table.Name, rename.Table.Schema)} RENAME CONSTRAINT {Ident(rename.From.Name)} TO {Ident(rename.To.Name)};",
        AlterEnum alter => RenderAlterEnum(alter),
        DropEnum drop => $"DROP TYPE {TableName(drop.Enum.Name, drop.Enum.Schema)};",
        _ => throw new NotSupportedException($"{GetType().Name} cannot render {step.GetType().Name}."),
    };

    /// <summary>ALTER INDEX ... RENAME TO ...; a provider without it drops and creates the index.</summary>
    protected virtual string RenderRenameIndex(RenameIndex rename) =>
        $"ALTER INDEX {TableName(rename.From.Name, rename.Table.Schema)} RENAME TO {Ident(rename.To.Name)};";

    /// <summary>The column and key changes of one table.</summary>
    protected abstract string RenderAlterTable(AlterTable alter);

    /// <summary>Drops a foreign key.</summary>
    protected abstract string RenderDropForeignKey(Table table, ForeignKey foreignKey);

    /// <summary>Changes the values of an enum type, where the provider has enums.</summary>
    protected virtual string RenderAlterEnum(AlterEnum alter) =>
        throw new NotSupportedException($"{Provider} has no enum types.");

    /// <summary>CREATE TABLE.</summary>
    protected abstract string RenderCreateTable(Table table);

    /// <summary>CREATE TYPE ... AS ENUM, where the provider has enums.</summary>
    protected virtual string RenderCreateEnum(DatabaseEnum e) =>
        throw new NotSupportedException($"{Provider} has no enum types.");

    /// <summary>ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY, where the provider can add them.</summary>
    protected virtual string RenderAddForeignKey(Table table, ForeignKey foreignKey) =>
        throw new NotSupportedException($"{Provider} cannot add a foreign key to an existing table.");

    /// <summary>CREATE [UNIQUE] INDEX "name" ON "table"("a", "b" DESC);</summary>
    protected virtual string RenderCreateIndex(Table table, Model.Index index)
    {
        var columns = string.Join(", ", index.Columns.Select(IndexColumnSql));
        var method = index.Method == null ? "(" : $" USING {index.Method} (";
        return $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {Ident(index.Name)} ON {TableName(table.Name, table.Schema)}{method}{columns});";
    }

    /// <summary>One indexed column with its options.</summary>
    protected virtual string IndexColumnSql(IndexColumn column) =>
        Ident(column.Name) + (column.OperatorClass != null ? " " + column.OperatorClass : "") + (column.Descending ? " DESC" : "");

    /// <summary>FOREIGN KEY (...) REFERENCES ... ON DELETE ... ON UPDATE ...; Prisma puts a space before the referenced columns on SQLite only.</summary>
    protected static string ForeignKeyClause(ForeignKey fk, bool spaceBeforeReferencedColumns) =>
        $"FOREIGN KEY ({string.Join(", ", fk.Columns.Select(Ident))}) REFERENCES {TableName(fk.ReferencedTable, fk.ReferencedSchema)}{(spaceBeforeReferencedColumns ? " " : "")}({string.Join(", ", fk.ReferencedColumns.Select(Ident))}) ON DELETE {fk.OnDelete} ON UPDATE {fk.OnUpdate}";
}
