using Strata.Migrate.Model;
using Strata.Migrate.Pulling;

namespace Strata.Sqlite.Migrations;

/// <summary>SQLite column types and defaults read back as schema types, for <c>db pull</c>.</summary>
public sealed class SqlitePullTypes : IPullTypes
{
    /// <inheritdoc />
    public PulledType TypeOf(Column column, IReadOnlyDictionary<string, string> enumNames)
    {
        var type = column.Type.ToUpperInvariant();
        string name = type switch
        {
            "TEXT" => "String",
            "INTEGER" or "INT" => "Int",
            "BIGINT" => "BigInt",
            "REAL" or "DOUBLE" or "FLOAT" => "Float",
            "DECIMAL" or "NUMERIC" => "Decimal",
            "DATETIME" or "DATE" or "TIMESTAMP" => "DateTime",
            "BOOLEAN" => "Boolean",
            "BLOB" => "Bytes",
            "JSONB" or "JSON" => "Json",
            _ => $"Unsupported(\"{SchemaWriter.Escape(column.Type)}\")",
        };
        return new PulledType(name, null, false, column.AutoIncrement);
    }

    /// <inheritdoc />
    public string? DefaultOf(Column column, PulledType type) =>
        column.Default == null ? null : DefaultText.Of(column.Default, type.TypeName, isEnum: false);
}
