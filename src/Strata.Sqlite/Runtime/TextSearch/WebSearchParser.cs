namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Reads a search box's text as PostgreSQL's <c>websearch_to_tsquery</c> does: words are all required
/// (<c>&amp;</c>), <c>"quoted words"</c> follow one another (a phrase), <c>or</c> between two operands
/// accepts either (binding less tightly than the implied and), <c>-</c> before an operand excludes it.
/// Other punctuation only separates words, so any text reads as a query and none is an error.
/// </summary>
internal static class WebSearchParser
{
    public static TextQuery Parse(string text)
    {
        TextQuery? any = null, all = null;
        bool or = false;
        int at = 0;
        while (true)
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            if (at >= text.Length) break;
            bool negate = false;
            if (text[at] == '-' && at + 1 < text.Length && !char.IsWhiteSpace(text[at + 1]))
            {
                negate = true;
                at++;
            }
            string operand;
            if (text[at] == '"')
            {
                int close = text.IndexOf('"', at + 1);
                if (close < 0) close = text.Length;
                operand = text[(at + 1)..close];
                at = Math.Min(close + 1, text.Length);
            }
            else
            {
                int start = at;
                while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] != '"') at++;
                operand = text[start..at];
                if (!negate && operand.Equals("or", StringComparison.OrdinalIgnoreCase))
                {
                    // "or" between operands; at the start, or twice, it joins nothing and is dropped.
                    or = all != null;
                    continue;
                }
            }
            var words = TextWords.Of(operand);
            if (words.Count == 0) continue;
            TextQuery term = new TermQuery(words, prefix: false, never: false);
            if (negate) term = new NotQuery(term);
            if (or)
            {
                any = Combine.Or(any, all);
                all = null;
                or = false;
            }
            all = Combine.And(all, term);
        }
        return Combine.Or(any, all) ?? TextQuery.Nothing;
    }
}
