using System.Text;

namespace Strata.Migrate.Rendering;

/// <summary>Small helpers to compare SQL fragments as written and as a database reports them.</summary>
public static class SqlText
{
    /// <summary>A statement squeezed to one line and cut to <paramref name="length"/> characters, for an error message.</summary>
    public static string Excerpt(string statement, int length = 120)
    {
        var squeezed = Squeeze(statement);
        return squeezed.Length <= length ? squeezed : squeezed[..length] + "...";
    }

    /// <summary>
    /// Where a quoted string or identifier that opens at <paramref name="i"/> ends (just past its
    /// closing quote): a doubled quote stays inside, as does a backslash-escaped one where the
    /// dialect escapes so; for the script splitters.
    /// </summary>
    public static int AfterQuoted(string s, int i, char quote, bool backslashEscapes)
    {
        i++;
        while (i < s.Length)
        {
            if (backslashEscapes && s[i] == '\\') { i += 2; continue; }
            if (s[i] == quote)
            {
                if (i + 1 < s.Length && s[i + 1] == quote) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return s.Length;
    }

    /// <summary>The text with runs of white space folded to one space and trimmed.</summary>
    public static string Squeeze(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A default expression in a form that compares equal whatever the database added: casts
    /// (<c>::text</c>, <c>::"Role"</c>, <c>::text[]</c>) removed, case folded and white space
    /// dropped outside string literals, and outer parentheses removed.
    /// </summary>
    public static string NormalizeExpression(string expression)
    {
        var sb = new StringBuilder();
        int i = 0;
        string text = expression.Trim();
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\'')
            {
                int start = i++;
                while (i < text.Length)
                {
                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') { i += 2; continue; }
                    if (text[i] == '\'') { i++; break; }
                    i++;
                }
                sb.Append(NormalizeLiteral(text[start..i]));
                continue;
            }
            if (c == ':' && i + 1 < text.Length && text[i + 1] == ':')
            {
                i = SkipCast(text, i + 2);
                continue;
            }
            if (!char.IsWhiteSpace(c)) sb.Append(char.ToLowerInvariant(c));
            i++;
        }
        var result = sb.ToString();
        while (result.Length > 1 && result[0] == '(' && result[^1] == ')' && Balanced(result[1..^1])) result = result[1..^1];
        return result;
    }

    /// <summary>
    /// A string literal as a canonical value where the database rewrites it: numbers lose their
    /// quotes ('42' and 42 are the same default of a numeric column), and timestamps become UTC ISO text.
    /// </summary>
    private static string NormalizeLiteral(string literal)
    {
        var inner = literal[1..^1];
        if (System.Text.RegularExpressions.Regex.IsMatch(inner, @"^-?\d+(\.\d+)?$")) return inner;
        if (System.Text.RegularExpressions.Regex.IsMatch(inner, @"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
            && DateTimeOffset.TryParse(inner, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant))
        {
            return "'" + instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "'";
        }
        return literal;
    }

    /// <summary>Skips a type name after <c>::</c>: words, quoted names, dots, parentheses and <c>[]</c>.</summary>
    private static int SkipCast(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"') i++;
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_' || c == '.') i++;
            else if (c == '[' && i + 1 < text.Length && text[i + 1] == ']') i += 2;
            else if (c == ' ' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) && IsTypeWordAhead(text, i + 1))) i++;
            else if (c == '(')
            {
                while (i < text.Length && text[i] != ')') i++;
                i++;
            }
            else break;
        }
        return i;
    }

    /// <summary>Multi-word type names ("double precision", "character varying").</summary>
    private static bool IsTypeWordAhead(string text, int i)
    {
        foreach (var word in new[] { "precision", "varying", "without", "with", "time", "zone" })
        {
            if (string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0) return true;
        }
        return false;
    }

    private static bool Balanced(string text)
    {
        int depth = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '\'') quoted = !quoted;
            if (quoted) continue;
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
