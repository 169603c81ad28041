using System.Globalization;
using Strata.Migrate.Model;
using Strata.Migrate.Pulling;

namespace Strata.Sqlite.Migrations;

/// <summary>
/// SQLite column types and defaults read back as schema types, for <c>db pull</c>, by Prisma's rules:
/// SQLite takes any type name, so names are read by what they contain (<c>VARCHAR(20)</c> is a
/// String, <c>DECIMAL(10,2)</c> a Decimal), and a lone <c>INTEGER</c> primary key, SQLite's row id,
/// is an autoincrement key whether or not the table says AUTOINCREMENT.
/// </summary>
public sealed class SqlitePullTypes : IPullTypes
{
    /// <inheritdoc />
    public bool KeepsForeignKeyNames => false;

    /// <inheritdoc />
    public PulledType TypeOf(Table table, Column column, IReadOnlyDictionary<string, string> enumNames)
    {
        var type = column.Type.ToLowerInvariant();
        string name = type switch
        {
            "int" or "integer" or "serial" => "Int",
            "bigint" => "BigInt",
            "real" or "float" or "double" => "Float",
            "boolean" => "Boolean",
            "text" => "String",
            _ when type.Contains("char", StringComparison.Ordinal) => "String",
            _ when type.Contains("numeric", StringComparison.Ordinal) || type.Contains("decimal", StringComparison.Ordinal) => "Decimal",
            "date" or "datetime" or "timestamp" => "DateTime",
            "binary" or "blob" => "Bytes",
            "jsonb" or "json" => "Json",
            _ => $"Unsupported(\"{PslNames.Escape(type)}\")",
        };
        bool rowId = table.PrimaryKey is { Columns.Count: 1 } key && key.Columns[0] == column.Name && type == "integer";
        return new PulledType(name, null, false, column.AutoIncrement || rowId);
    }

    /// <inheritdoc />
    public string? DefaultOf(Column column, PulledType type)
    {
        if (column.Default == null) return null;
        var text = column.Default.Trim();
        while (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1].Trim();
        if (text.Equals("null", StringComparison.OrdinalIgnoreCase)) return null;
        string generated = $"dbgenerated(\"{PslNames.Escape(text)}\")";
        switch (type.TypeName)
        {
            case "Int" or "BigInt":
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole.ToString(CultureInfo.InvariantCulture) : generated;
            case "Float" or "Decimal":
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text : generated;
            case "Boolean":
                return text.ToLowerInvariant() switch { "1" or "true" => "true", "0" or "false" => "false", _ => generated };
            case "String":
                // A quoted literal is its text; anything else is kept as the text of the default.
                return $"\"{PslNames.Escape(Unquote(text))}\"";
            case "DateTime":
                return text.ToLowerInvariant() is "current_timestamp" or "datetime('now')" or "datetime('now', 'localtime')" ? "now()" : generated;
            default:
                return generated;
        }
    }

    private static string Unquote(string text) =>
        text.Length > 1 && (text[0] == '\'' && text[^1] == '\'' || text[0] == '"' && text[^1] == '"') ? text[1..^1].Replace("''", "'") : text;
}
