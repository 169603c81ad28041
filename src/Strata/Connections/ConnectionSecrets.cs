namespace Strata;

/// <summary>
/// Hides passwords in database URLs and connection strings before they are shown. Every message,
/// log line and display of a URL goes through here, on every provider, so that there is one rule
/// for what a secret is:
/// <list type="bullet">
/// <item>the password of a URL's user info, <c>postgresql://user:***@host/db</c>, whatever it holds
/// (<c>@</c>, <c>:</c>, <c>/</c>, <c>%</c>-escapes): everything from the first <c>:</c> after
/// <c>scheme://</c> to the last <c>@</c> on the line;</item>
/// <item>the value of a key that ends in "password" or is "pwd" or "psw", in any casing and with spaces or
/// underscores inside it (<c>Password=</c>, <c>PWD=</c>, <c>SSL Password=</c>, a URL's
/// <c>?password=</c>): up to the <c>;</c> (or <c>&amp;</c> in a URL's query) that starts the next
/// <c>key=</c> (or a <c>"</c>, in a URL), or the end of the line; or the whole of a quoted value,
/// where a doubled quote is part of it and <c>;</c> does not end it.</item>
/// </list>
/// When in doubt more is hidden, never less: text after an <c>@</c> later on the same line, or the
/// rest of a line after an unterminated quote, goes too.
/// </summary>
public static class ConnectionSecrets
{
    /// <summary>What a hidden secret is shown as.</summary>
    public const string Mask = "***";

    /// <summary>
    /// <paramref name="text"/> (a URL, a connection string, or a message that quotes them) with each
    /// password replaced by <see cref="Mask"/>.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var secrets = Find(text);
        if (secrets.Count == 0) return text;
        var result = new System.Text.StringBuilder(text.Length);
        int at = 0;
        foreach (var (start, length) in secrets)
        {
            result.Append(text, at, start - at).Append(Mask);
            at = start + length;
        }
        return result.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>Where the passwords in <paramref name="text"/> are: ordered spans that do not overlap.</summary>
    public static IReadOnlyList<(int Start, int Length)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int End)>();
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            FindUserInfoPasswords(text, lineStart, lineEnd, spans);
            FindKeyedPasswords(text, lineStart, lineEnd, spans);
            if (newline < 0) break;
            lineStart = newline + 1;
        }
        return Merge(spans);
    }

    private static void FindUserInfoPasswords(string text, int lineStart, int lineEnd, List<(int, int)> spans)
    {
        int url = NextUrl(text, lineStart, lineStart, lineEnd);
        while (url >= 0)
        {
            int authority = text.IndexOf("://", url, StringComparison.Ordinal) + 3;
            int next = NextUrl(text, lineStart, authority, lineEnd);
            int end = next < 0 ? lineEnd : next;
            // The user name ends at the first ':'; the password runs to the last '@' before the next URL,
            // so a raw '@' in it cannot end it early.
            int at = end > authority ? text.LastIndexOf('@', end - 1, end - authority) : -1;
            int colon = at < 0 ? -1 : text.IndexOf(':', authority, at - authority);
            if (colon >= 0) spans.Add((colon + 1, at));
            url = next;
        }
    }

    /// <summary>
    /// The start of the next <c>scheme://</c> in the line: a scheme that starts the line or follows a
    /// space, a quote, a bracket or '='. (Within a password, as in <c>user:pass://x@host</c>, it follows
    /// other text, and the password stays one.)
    /// </summary>
    private static int NextUrl(string text, int lineStart, int from, int lineEnd)
    {
        while (from < lineEnd)
        {
            int marker = text.IndexOf("://", from, lineEnd - from, StringComparison.Ordinal);
            if (marker < 0) return -1;
            int start = marker;
            while (start > from && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '+' or '-' or '.')) start--;
            bool schemeStart = start < marker && char.IsLetter(text[start]);
            bool boundary = start == lineStart || char.IsWhiteSpace(text[start - 1]) || text[start - 1] is '"' or '\'' or '(' or '<' or '[' or '=' or '`' or ',';
            if (schemeStart && boundary) return start;
            from = marker + 3;
        }
        return -1;
    }

    private static void FindKeyedPasswords(string text, int lineStart, int lineEnd, List<(int, int)> spans)
    {
        for (int eq = text.IndexOf('=', lineStart, lineEnd - lineStart); eq >= 0; eq = eq + 1 < lineEnd ? text.IndexOf('=', eq + 1, lineEnd - eq - 1) : -1)
        {
            int keyStart = eq;
            while (keyStart > lineStart && IsKeyChar(text[keyStart - 1])) keyStart--;
            if (!IsSecretKey(text, keyStart, eq)) continue;
            bool inQuery = keyStart > lineStart && text[keyStart - 1] is '?' or '&';
            int valueStart = eq + 1;
            while (valueStart < lineEnd && text[valueStart] == ' ') valueStart++;
            if (IsMask(text, valueStart, lineEnd)) continue; // hidden already: what follows is the message, not the value
            int valueEnd = ValueEnd(text, valueStart, lineEnd, inQuery);
            if (valueEnd > valueStart) spans.Add((valueStart, valueEnd));
        }
    }

    private static bool IsMask(string text, int start, int lineEnd)
    {
        int end = start + Mask.Length;
        return end <= lineEnd && string.CompareOrdinal(text, start, Mask, 0, Mask.Length) == 0
            && (end == lineEnd || text[end] is ';' or '&' or ':' or ',' or ')' or '"' or '\'' || char.IsWhiteSpace(text[end]));
    }

    private static bool IsKeyChar(char c) => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-';

    /// <summary>True for a key that ends in "password" or is "pwd" or "psw" (Npgsql's short forms), ignoring case, spaces, '_' and '-'.</summary>
    private static bool IsSecretKey(string text, int start, int end)
    {
        var key = new System.Text.StringBuilder(end - start);
        for (int i = start; i < end; i++)
        {
            if (char.IsLetterOrDigit(text[i])) key.Append(char.ToLowerInvariant(text[i]));
        }
        var folded = key.ToString();
        return folded is "pwd" or "psw" || folded.EndsWith("password", StringComparison.Ordinal);
    }

    private static int ValueEnd(string text, int start, int lineEnd, bool inQuery)
    {
        if (start < lineEnd && text[start] is '\'' or '"')
        {
            char quote = text[start];
            for (int i = start + 1; i < lineEnd; i++)
            {
                if (text[i] != quote) continue;
                if (i + 1 < lineEnd && text[i + 1] == quote) { i++; continue; } // a doubled quote is part of the value
                return i + 1;
            }
            return lineEnd; // unterminated: the rest of the line may all be the secret
        }
        // An unquoted value ends where the next key starts: a separator followed by `key=`. A separator
        // without a key after it is part of the value (a raw ';' or '&' in a password), as is a '#'.
        // A URL cannot hold a raw '"', so in a query one ends the URL (as where a schema or a message quotes it).
        char separator = inQuery ? '&' : ';';
        if (inQuery)
        {
            int quote = text.IndexOf('"', start, lineEnd - start);
            if (quote >= 0) lineEnd = quote;
        }
        for (int i = text.IndexOf(separator, start, lineEnd - start); i >= 0; i = i + 1 < lineEnd ? text.IndexOf(separator, i + 1, lineEnd - i - 1) : -1)
        {
            if (StartsKey(text, i + 1, lineEnd)) return i;
        }
        return lineEnd;
    }

    private static bool StartsKey(string text, int start, int lineEnd)
    {
        int i = start;
        while (i < lineEnd && IsKeyChar(text[i])) i++;
        return i < lineEnd && text[i] == '=' && text.AsSpan(start, i - start).Trim().Length > 0;
    }

    private static List<(int Start, int Length)> Merge(List<(int Start, int End)> spans)
    {
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(int Start, int Length)>();
        int start = -1, end = -1;
        foreach (var (s, e) in spans)
        {
            if (start >= 0 && s <= end) { end = Math.Max(end, e); continue; }
            if (start >= 0) merged.Add((start, end - start));
            (start, end) = (s, e);
        }
        if (start >= 0) merged.Add((start, end - start));
        return merged;
    }
}
