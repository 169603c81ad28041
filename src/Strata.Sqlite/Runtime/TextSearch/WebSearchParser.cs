namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Reads a search box's text as PostgreSQL's <c>websearch_to_tsquery</c> does: words are all required
/// (<c>&amp;</c>), <c>"quoted words"</c> follow one another (a phrase), <c>or</c> between two operands
/// accepts either (binding less tightly than the implied and), <c>-</c> before an operand excludes it
/// (<c>--</c> excludes the exclusion). Other punctuation only separates words, so any text reads as a
/// query and none is an error. As in PostgreSQL, <c>or</c> is an operator only after an operand, when
/// no word goes on from it and some text follows; elsewhere (<c>or cats</c>, <c>cats or</c>) it is a word.
/// </summary>
internal static class WebSearchParser
{
    public static TextQuery Parse(string text)
    {
        TextQuery? any = null, all = null;
        bool afterOperand = false, negate = false;
        int at = 0;
        while (at < text.Length)
        {
            char c = text[at];
            if (char.IsWhiteSpace(c))
            {
                at++;
                continue;
            }
            if (afterOperand)
            {
                afterOperand = false;
                if (IsOr(text, at))
                {
                    at += 2;
                    any = Combine.Or(any, all);
                    all = null;
                }
                // Else the and between two operands, which starts at this same character.
                continue;
            }
            if (c == '-')
            {
                negate = !negate;
                at++;
                continue;
            }
            string operand;
            if (c == '"')
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
            }
            afterOperand = true;
            var words = TextWords.Of(operand);
            if (words.Count > 0)
            {
                TextQuery term = new TermQuery(words, prefix: false, never: false);
                all = Combine.And(all, negate ? new NotQuery(term) : term);
            }
            negate = false;
        }
        return Combine.Or(any, all) ?? TextQuery.Nothing;
    }

    /// <summary>PostgreSQL's test: <c>or</c> in any case, not the start of a longer word, with some text after it.</summary>
    private static bool IsOr(string text, int at)
    {
        if (at + 2 >= text.Length || string.Compare(text, at, "or", 0, 2, StringComparison.OrdinalIgnoreCase) != 0) return false;
        char next = text[at + 2];
        if (char.IsLetterOrDigit(next) || next is '-' or '_') return false;
        for (int i = at + 2; i < text.Length; i++)
            if (!char.IsWhiteSpace(text[i])) return true;
        return false;
    }
}
