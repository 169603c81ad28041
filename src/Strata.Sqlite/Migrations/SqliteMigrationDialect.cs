using System.Text;
using Strata.Migrate.Model;
using Strata.Migrate.Rendering;
using Strata.Schema.Semantics;

namespace Strata.Sqlite.Migrations;

/// <summary>
/// Migration SQL for SQLite, as Prisma writes it: Prisma's type names (TEXT, INTEGER, BIGINT,
/// DATETIME...), single-column primary keys inline, foreign keys inside CREATE TABLE.
/// </summary>
public sealed class SqliteMigrationDialect : SqlMigrationDialect
{
    /// <inheritdoc />
    public override ProviderKind Provider => ProviderKind.Sqlite;

    /// <inheritdoc />
    public override bool HasNativeEnums => false;

    /// <inheritdoc />
    public override bool InlineForeignKeys => true;

    /// <inheritdoc />
    public override bool HasNamedPrimaryKeys => false;

    /// <inheritdoc />
    public override bool HasNamedForeignKeys => false;

    /// <inheritdoc />
    public override bool ManyToManyUsesPrimaryKey => false;

    /// <inheritdoc />
    public override string ColumnType(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Unsupported => field.UnsupportedType!,
        FieldKind.Enum => "TEXT",
        FieldKind.Composite => "JSONB",
        _ => field.ScalarType switch
        {
            ScalarType.String => "TEXT",
            ScalarType.Boolean => "BOOLEAN",
            ScalarType.Int => "INTEGER",
            ScalarType.BigInt => "BIGINT",
            ScalarType.Float => "REAL",
            ScalarType.Decimal => "DECIMAL",
            ScalarType.DateTime => "DATETIME",
            ScalarType.Json => "JSONB",
            _ => "BLOB",
        },
    };

    /// <inheritdoc />
    protected override string BytesLiteral(byte[] bytes) => "X'" + Convert.ToHexString(bytes) + "'";

    /// <inheritdoc />
    protected override string RenderCreateTable(Table table)
    {
        var lines = new List<string>();
        bool inlineKey = table.PrimaryKey is { Columns.Count: 1 };
        foreach (var column in table.Columns)
        {
            var line = new StringBuilder("    ").Append(Ident(column.Name)).Append(' ').Append(column.Type);
            if (!column.Nullable) line.Append(" NOT NULL");
            if (inlineKey && table.PrimaryKey!.Columns[0] == column.Name)
            {
                line.Append(" PRIMARY KEY");
                if (column.AutoIncrement) line.Append(" AUTOINCREMENT");
            }
            if (column.Default != null) line.Append(" DEFAULT ").Append(column.Default);
            lines.Add(line.ToString());
        }
        if (table.PrimaryKey is { Columns.Count: > 1 } key)
            lines.Add($"    PRIMARY KEY ({string.Join(", ", key.Columns.Select(Ident))})");
        foreach (var fk in table.ForeignKeys)
            lines.Add($"    CONSTRAINT {Ident(fk.Name)} {ForeignKeyClause(fk, spaceBeforeReferencedColumns: true)}");
        return $"CREATE TABLE {Ident(table.Name)} (\n{string.Join(",\n", lines)}\n);";
    }
}
