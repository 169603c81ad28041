using System.Text.RegularExpressions;
using Strata.Migrate.Model;
using Strata.Migrate.Pulling;

namespace Strata.Postgres.Migrations;

/// <summary>PostgreSQL column types and defaults read back as schema types and native types, for <c>db pull</c>.</summary>
public sealed partial class PostgresPullTypes : IPullTypes
{
    /// <inheritdoc />
    public bool KeepsForeignKeyNames => true;

    /// <inheritdoc />
    public PulledType TypeOf(Table table, Column column, IReadOnlyDictionary<string, string> enumNames)
    {
        bool list = column.Type.EndsWith("[]", StringComparison.Ordinal);
        var type = list ? column.Type[..^2] : column.Type;
        if (enumNames.TryGetValue(type, out var enumName)) return new PulledType(enumName, null, list, false);
        var m = TypePattern().Match(type);
        string name = m.Groups["name"].Value, args = m.Groups["args"].Value;
        (string Scalar, string? Native, bool Auto) mapped = (name, args) switch
        {
            ("SERIAL", _) => ("Int", null, true),
            ("BIGSERIAL", _) => ("BigInt", null, true),
            ("SMALLSERIAL", _) => ("Int", "SmallInt", true),
            ("TEXT", _) => ("String", null, false),
            ("VARCHAR", _) => ("String", Native("VarChar", args), false),
            ("CHAR", _) => ("String", Native("Char", args), false),
            ("BIT", _) => ("String", Native("Bit", args), false),
            ("VARBIT", _) => ("String", Native("VarBit", args), false),
            ("UUID", _) => ("String", "Uuid", false),
            ("XML", _) => ("String", "Xml", false),
            ("INET", _) => ("String", "Inet", false),
            ("CITEXT", _) => ("String", "Citext", false),
            ("BOOLEAN", _) => ("Boolean", null, false),
            ("INTEGER", _) => ("Int", null, false),
            ("SMALLINT", _) => ("Int", "SmallInt", false),
            ("OID", _) => ("Int", "Oid", false),
            ("BIGINT", _) => ("BigInt", null, false),
            ("DOUBLE PRECISION", _) => ("Float", null, false),
            ("REAL", _) => ("Float", "Real", false),
            ("DECIMAL", "65,30") => ("Decimal", null, false),
            ("DECIMAL", _) => ("Decimal", Native("Decimal", args), false),
            ("MONEY", _) => ("Decimal", "Money", false),
            ("TIMESTAMP", "3") => ("DateTime", null, false),
            ("TIMESTAMP", _) => ("DateTime", Native("Timestamp", Precision(args)), false),
            ("TIMESTAMPTZ", _) => ("DateTime", Native("Timestamptz", Precision(args)), false),
            ("DATE", _) => ("DateTime", "Date", false),
            ("TIME", _) => ("DateTime", Native("Time", Precision(args)), false),
            ("TIMETZ", _) => ("DateTime", Native("Timetz", Precision(args)), false),
            ("JSONB", _) => ("Json", null, false),
            ("JSON", _) => ("Json", "Json", false),
            ("BYTEA", _) => ("Bytes", null, false),
            _ => ($"Unsupported(\"{PslNames.Escape(column.Type)}\")", null, false),
        };
        return new PulledType(mapped.Scalar, mapped.Native, list, mapped.Auto);
    }

    // A time type without a precision has PostgreSQL's default one, which Prisma writes out.
    private static string Precision(string args) => args.Length == 0 ? "6" : args;

    private static string Native(string name, string args) => args.Length == 0 ? name : $"{name}({args.Replace(",", ", ")})";

    /// <inheritdoc />
    public string? DefaultOf(Column column, PulledType type)
    {
        if (column.Default == null) return null;
        if (type.IsList)
        {
            bool isEnum = !ScalarNames.Contains(type.TypeName);
            var inner = ArrayPattern().Match(column.Default);
            if (inner.Success)
            {
                var items = inner.Groups[1].Value.Length == 0 ? [] : SplitItems(inner.Groups[1].Value);
                return "[" + string.Join(", ", items.Select(i => DefaultText.Of(i, type.TypeName, isEnum))) + "]";
            }
            // An array literal, '{1,2}': its items are bare or double-quoted.
            var literal = ArrayLiteralPattern().Match(column.Default);
            if (literal.Success && !type.TypeName.StartsWith("Unsupported", StringComparison.Ordinal))
            {
                var body = literal.Groups[1].Value.Replace("''", "'");
                var items = body.Length == 0 ? [] : SplitItems(body, '"');
                return "[" + string.Join(", ", items.Select(i => DefaultText.Of("'" + Unquote(i).Replace("'", "''") + "'", type.TypeName, isEnum))) + "]";
            }
        }
        return DefaultText.Of(column.Default, type.TypeName, !ScalarNames.Contains(type.TypeName) && !type.TypeName.StartsWith("Unsupported", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> ScalarNames = ["String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"];

    private static string Unquote(string item) =>
        item.Length > 1 && item[0] == '"' && item[^1] == '"' ? item[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\") : item;

    private static List<string> SplitItems(string text, char quote = '\'')
    {
        var items = new List<string>();
        int start = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == quote) quoted = !quoted;
            else if (text[i] == ',' && !quoted)
            {
                items.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        items.Add(text[start..].Trim());
        return items;
    }

    [GeneratedRegex(@"^(?<name>[A-Z ]+?)(\((?<args>[^)]*)\))?$")]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"^ARRAY\[(.*?)\](::[^\[\]]*\[\])?$", RegexOptions.Singleline)]
    private static partial Regex ArrayPattern();

    [GeneratedRegex(@"^'\{(.*)\}'(::[^']*)?$", RegexOptions.Singleline)]
    private static partial Regex ArrayLiteralPattern();
}
