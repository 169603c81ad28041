using Strata.Migrate.Rendering;

namespace Strata.Postgres.Migrations;

/// <summary>
/// Cuts a PostgreSQL script into its statements at the semicolons that end them, the way the
/// server's own lexer sees them: not inside '...' or E'...' strings, "..." identifiers,
/// $tag$...$tag$ bodies, -- line comments or nested /* */ comments. Each statement is sent as
/// written, so the server runs exactly the file; the cut only tells which statement failed.
/// </summary>
internal static class PostgresScriptSplitter
{
    /// <summary>The statements, each from its first token to its semicolon (included); parts that hold only comments and blanks are left out.</summary>
    public static IReadOnlyList<Range> Split(string script)
    {
        var statements = new List<Range>();
        int start = -1;
        int i = 0;
        while (i < script.Length)
        {
            char c = script[i];
            if (c == '-' && At(script, i, "--"))
            {
                int end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end + 1;
                continue;
            }
            if (c == '/' && At(script, i, "/*"))
            {
                i = AfterBlockComment(script, i);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (start < 0) start = i;
            if (c == ';')
            {
                statements.Add(start..(i + 1));
                start = -1;
                i++;
                continue;
            }
            i = c switch
            {
                '\'' => SqlText.AfterQuoted(script, i, '\'', backslashEscapes: i > 0 && (script[i - 1] is 'E' or 'e') && (i < 2 || !IsWordChar(script[i - 2]))),
                '"' => SqlText.AfterQuoted(script, i, '"', backslashEscapes: false),
                '$' => AfterDollarQuoted(script, i),
                _ => i + 1,
            };
        }
        if (start >= 0) statements.Add(start..script.Length);
        return statements;
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int AfterBlockComment(string s, int i)
    {
        int depth = 0;
        while (i < s.Length)
        {
            if (At(s, i, "/*")) { depth++; i += 2; }
            else if (At(s, i, "*/")) { depth--; i += 2; if (depth == 0) return i; }
            else i++;
        }
        return s.Length;
    }


    /// <summary>Past a $tag$...$tag$ body; a $ that opens no tag ($1, a$b) is an ordinary character.</summary>
    private static int AfterDollarQuoted(string s, int i)
    {
        if (i > 0 && IsWordChar(s[i - 1])) return i + 1;
        int close = i + 1;
        while (close < s.Length && (char.IsLetter(s[close]) || s[close] == '_' || (close > i + 1 && char.IsDigit(s[close])))) close++;
        if (close >= s.Length || s[close] != '$') return i + 1;
        var tag = s[i..(close + 1)];
        int end = s.IndexOf(tag, close + 1, StringComparison.Ordinal);
        return end < 0 ? s.Length : end + tag.Length;
    }
}
