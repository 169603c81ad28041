using Strata.Migrate.Rendering;

namespace Strata.MySql.Migrations;

/// <summary>
/// Cuts a MySQL script into its statements at the semicolons that end them, as the server's lexer
/// sees them: not inside '...' or "..." strings (where a backslash escapes), `...` identifiers,
/// <c>-- </c> and <c>#</c> line comments or <c>/* */</c> comments. The statements are sent as written,
/// one after the other, as Prisma's engine runs a MySQL script; the cut tells which one failed.
/// </summary>
internal static class MySqlScriptSplitter
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
            // MySQL's "--" starts a comment only when a space or a control character follows it.
            if (c == '#' || (c == '-' && At(script, i, "--") && (i + 2 >= script.Length || script[i + 2] <= ' ')))
            {
                int end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end + 1;
                continue;
            }
            if (c == '/' && At(script, i, "/*"))
            {
                int end = script.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? script.Length : end + 2;
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
            i = c is '\'' or '"' or '`' ? SqlText.AfterQuoted(script, i, c, backslashEscapes: c != '`') : i + 1;
        }
        if (start >= 0) statements.Add(start..script.Length);
        return statements;
    }

    private static bool At(string s, int i, string what) => string.CompareOrdinal(s, i, what, 0, what.Length) == 0;

}
