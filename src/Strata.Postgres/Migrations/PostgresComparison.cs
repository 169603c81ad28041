using System.Text;
using System.Text.Json.Nodes;
using Strata.Migrate.Rendering;

namespace Strata.Postgres.Migrations;

/// <summary>
/// What PostgreSQL counts as the same, where the text a schema writes and the text the catalog
/// reports differ: default operator classes, default expressions, and identifiers cut to 63 bytes.
/// </summary>
internal static class PostgresComparison
{
    /// <summary>The longest identifier PostgreSQL keeps, in bytes (NAMEDATALEN - 1).</summary>
    public const int MaxIdentifierBytes = 63;

    /// <summary>The name as PostgreSQL stores it: cut to 63 bytes of UTF-8, never inside a character.</summary>
    public static string Identifier(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxIdentifierBytes) return name;
        int bytes = 0, end = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > MaxIdentifierBytes) break;
            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }
        return name[..end];
    }

    /// <summary>
    /// The operator class PostgreSQL uses for <paramref name="columnType"/> under
    /// <paramref name="method"/> when none is written (pg_opclass.opcdefault), or null when the
    /// type has none there; so that writing it out (<c>ops: JsonbOps</c> on a GIN index over
    /// JSONB) is the same index as leaving it out.
    /// </summary>
    public static string? DefaultOperatorClass(string? method, string columnType)
    {
        var type = columnType.Trim().ToUpperInvariant();
        bool array = type.EndsWith("[]", StringComparison.Ordinal);
        int paren = type.IndexOf('(');
        var baseType = paren > 0 ? type[..paren] : type;
        var internalName = array ? null : InternalName(baseType);
        return (method ?? "BTREE").ToUpperInvariant() switch
        {
            "GIN" => array ? "array_ops" : baseType switch { "JSONB" => "jsonb_ops", "TSVECTOR" => "tsvector_ops", _ => null },
            "BRIN" => internalName == "inet" ? "inet_inclusion_ops" : internalName == null ? null : internalName + "_minmax_ops",
            "SPGIST" => internalName is "text" or "inet" ? internalName + "_ops" : null,
            "GIST" => null,
            _ => array ? "array_ops" : internalName == null ? null : internalName + "_ops", // B-tree and hash
        };
    }

    /// <summary>The catalog's own name of a type as the schema writes it, which names its default classes.</summary>
    private static string? InternalName(string type) => type switch
    {
        "TEXT" or "VARCHAR" => "text",
        "CHAR" => "bpchar",
        "INTEGER" or "SERIAL" => "int4",
        "BIGINT" or "BIGSERIAL" => "int8",
        "SMALLINT" or "SMALLSERIAL" => "int2",
        "DOUBLE PRECISION" => "float8",
        "REAL" => "float4",
        "DECIMAL" => "numeric",
        "BOOLEAN" => "bool",
        "TIMESTAMP" => "timestamp",
        "TIMESTAMPTZ" => "timestamptz",
        "DATE" => "date",
        "TIME" => "time",
        "TIMETZ" => "timetz",
        "UUID" => "uuid",
        "BYTEA" => "bytea",
        "INET" => "inet",
        "JSONB" => "jsonb",
        "BIT" => "bit",
        "VARBIT" => "varbit",
        "MONEY" => "money",
        "OID" => "oid",
        _ => null,
    };

    /// <summary>
    /// Two defaults as the same value: casts and case aside (<see cref="SqlText.NormalizeExpression"/>),
    /// <c>now()</c> is <c>CURRENT_TIMESTAMP</c>, an empty <c>ARRAY[]</c> is <c>'{}'</c>, and JSON
    /// literals compare as parsed JSON.
    /// </summary>
    public static bool SameDefault(string? a, string? b)
    {
        if (a == null || b == null) return a == b;
        var x = Canonical(a);
        var y = Canonical(b);
        return x == y || SameJson(x, y);
    }

    private static string Canonical(string expression) => SqlText.NormalizeExpression(expression) switch
    {
        "now()" or "current_timestamp" or "current_timestamp()" => "current_timestamp",
        "array[]" => "'{}'",
        var other => other,
    };

    private static bool SameJson(string a, string b)
    {
        if (!IsLiteral(a) || !IsLiteral(b)) return false;
        try
        {
            var x = JsonNode.Parse(Unquote(a));
            var y = JsonNode.Parse(Unquote(b));
            return x != null && y != null && JsonNode.DeepEquals(x, y);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static bool IsLiteral(string text) => text.Length >= 2 && text[0] == '\'' && text[^1] == '\'';

    private static string Unquote(string literal) => literal[1..^1].Replace("''", "'");
}
