using System.Text;
using Strata.Migrate.Model;
using Strata.Migrate.Rendering;
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
            body += $",\n\n    CONSTRAINT {Ident(table.PrimaryKey.Name)} PRIMARY KEY ({string.Join(", ", table.PrimaryKey.Columns.Select(Ident))})";
        return $"CREATE TABLE {TableName(table.Name, table.Schema)} (\n{body}\n);";
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
