using System.Text;

namespace Strata.MySql.Runtime;

/// <summary>
/// Renames the <c>$1</c>, <c>$2</c> placeholders of unsafe raw SQL (Strata's one spelling on every
/// database) to the <c>@p0</c>, <c>@p1</c> that MySqlConnector binds, outside string literals, quoted
/// identifiers and comments, where a <c>$</c> is text.
/// </summary>
internal static class UnsafePlaceholders
{
    public static string Rename(string sql)
    {
        if (sql.IndexOf('$') < 0) return sql;
        var result = new StringBuilder(sql.Length + 8);
        int i = 0;
        while (i < sql.Length)
        {
            char c = sql[i];
            if (c is '\'' or '"' or '`')
            {
                int end = QuotedEnd(sql, i);
                result.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-' || c == '#')
            {
                int end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                result.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                int end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? sql.Length : end + 2;
                result.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '$' && i + 1 < sql.Length && char.IsAsciiDigit(sql[i + 1]) && (i == 0 || !IsWordChar(sql[i - 1])))
            {
                int end = i + 1;
                while (end < sql.Length && char.IsAsciiDigit(sql[end])) end++;
                int number = int.Parse(sql.AsSpan(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture);
                result.Append("@p").Append(number - 1);
                i = end;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }
        return result.ToString();
    }

    /// <summary>The index after the quoted text that starts at <paramref name="start"/>: a doubled quote, or one after a backslash (in literals), stays inside.</summary>
    private static int QuotedEnd(string sql, int start)
    {
        char quote = sql[start];
        int i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == '\\' && quote != '`') { i += 2; continue; }
            if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
