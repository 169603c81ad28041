using System.Text.RegularExpressions;
using Strata.Migrate.Rendering;

namespace Strata.Migrate.Pulling;

/// <summary>Reads SQL default expressions back as <c>@default(...)</c> arguments.</summary>
public static partial class DefaultText
{
    /// <summary>
    /// The argument for a default: <c>now()</c> for the current time, a literal for numbers,
    /// booleans and strings (casts removed), an enum value, or <c>dbgenerated("...")</c> for anything else.
    /// </summary>
    public static string Of(string sql, string typeName, bool isEnum)
    {
        var text = sql.Trim();
        if (typeName.StartsWith("Unsupported", StringComparison.Ordinal)) return $"dbgenerated(\"{PslNames.Escape(text)}\")";
        while (text.StartsWith('(') && text.EndsWith(')')) text = text[1..^1].Trim();
        var bare = CastPattern().Replace(text, "").Trim();
        var lower = bare.ToLowerInvariant();
        if (lower is "current_timestamp" or "now()" or "current_timestamp(3)" or "current_timestamp(6)") return "now()";
        // Prisma reads no time literal back: any other default of a time column is the database's.
        if (typeName == "DateTime") return $"dbgenerated(\"{PslNames.Escape(text)}\")";
        if (typeName == "Boolean" && (lower is "true" or "false" or "1" or "0" or "'1'" or "'0'" or "'true'" or "'false'"))
            return lower.Trim('\'') is "true" or "1" ? "true" : "false";
        var quoted = QuotedPattern().Match(bare);
        if (quoted.Success)
        {
            var value = quoted.Groups[1].Value.Replace("''", "'");
            if (isEnum) return PslNames.Identifier(value);
            if (typeName == "Bytes" && value.StartsWith("\\x", StringComparison.Ordinal))
                return $"\"{Convert.ToBase64String(Convert.FromHexString(value[2..]))}\"";
            if (typeName is "Int" or "BigInt" or "Float" or "Decimal" && NumberPattern().IsMatch(value)) return value;
            return $"\"{PslNames.Escape(value)}\"";
        }
        if (NumberPattern().IsMatch(bare) && typeName is "Int" or "BigInt" or "Float" or "Decimal") return bare;
        if (typeName == "Boolean" && lower is "true" or "false") return lower;
        return $"dbgenerated(\"{PslNames.Escape(text)}\")";
    }

    [GeneratedRegex(@"::[A-Za-z_ ""\.\[\]0-9()]+$")]
    private static partial Regex CastPattern();

    [GeneratedRegex(@"^'((?:[^']|'')*)'$")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"^-?\d+(\.\d+)?$")]
    private static partial Regex NumberPattern();

    /// <summary>True when two defaults mean the same (as <see cref="SqlText.NormalizeExpression"/> compares them).</summary>
    public static bool Same(string a, string b) => SqlText.NormalizeExpression(a) == SqlText.NormalizeExpression(b);
}
