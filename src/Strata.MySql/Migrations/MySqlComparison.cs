using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.MySql.Migrations;

/// <summary>
/// What Prisma's differ treats as equal on MySQL: types in any case and spacing, integer display
/// widths (<c>int(11)</c>), a time type without a precision and with 0, MariaDB's JSON (a LONGTEXT);
/// defaults as MariaDB reports them (<c>current_timestamp()</c>, <c>1</c> for true, numbers with
/// trailing zeros).
/// </summary>
public static partial class MySqlComparison
{
    /// <summary>True when two column types, as written and as introspected, are the same type.</summary>
    public static bool SameType(string a, string b) => CanonicalType(a) == CanonicalType(b);

    /// <summary>A type in one spelling: upper case outside quotes, no spaces after commas, no display width, no zero precision.</summary>
    public static string CanonicalType(string type)
    {
        var text = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < type.Length; i++)
        {
            char c = type[i];
            if (c == '\'') quoted = !quoted;
            if (!quoted && char.IsWhiteSpace(c) && text.Length > 0 && (text[^1] is ',' or '(' or ' ' || (i + 1 < type.Length && type[i + 1] is ',' or ')' or '('))) continue;
            text.Append(quoted ? c : char.ToUpperInvariant(c));
        }
        var canonical = text.ToString().Trim();
        canonical = DisplayWidth().Replace(canonical, "$1");
        canonical = ZeroPrecision().Replace(canonical, "$1");
        return canonical switch
        {
            "INT" => "INTEGER",
            "INT UNSIGNED" => "INTEGER UNSIGNED",
            "TINYINT(1)" or "BOOL" => "BOOLEAN",
            "YEAR(4)" => "YEAR",
            _ => canonical,
        };
    }

    /// <summary>True when two defaults, as written and as introspected, are the same default.</summary>
    public static bool SameDefault(string? a, string? b) => CanonicalDefault(a) == CanonicalDefault(b);

    /// <summary>A default in one spelling, or null for none (MariaDB reports a column without one as <c>NULL</c>).</summary>
    public static string? CanonicalDefault(string? value)
    {
        if (value == null) return null;
        var text = value.Trim();
        if (text.Equals("NULL", StringComparison.OrdinalIgnoreCase)) return null;
        if (text.StartsWith('\'')) return text;
        var lower = text.ToLowerInvariant();
        if (lower is "true") return "1";
        if (lower is "false") return "0";
        var now = CurrentTimestamp().Match(lower);
        if (now.Success) return $"current_timestamp({(now.Groups[1].Value is "" ? "0" : now.Groups[1].Value)})";
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number.ToString("G29", CultureInfo.InvariantCulture);
        return Regex.Replace(lower, @"\s+", "");
    }

    [GeneratedRegex(@"^(TINYINT|SMALLINT|MEDIUMINT|INT|INTEGER|BIGINT)\((?!1\))\d+\)")]
    private static partial Regex DisplayWidth();

    [GeneratedRegex(@"^(DATETIME|TIMESTAMP|TIME)\(0\)$")]
    private static partial Regex ZeroPrecision();

    [GeneratedRegex(@"^(?:current_timestamp|now)(?:\((\d*)\))?$")]
    private static partial Regex CurrentTimestamp();
}
