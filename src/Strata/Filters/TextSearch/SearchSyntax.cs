namespace Strata;

/// <summary>How the text of a full-text query is read (<see cref="StringField.Search(string, SearchSyntax, string?)"/>, <see cref="FullText.Relevance(IEnumerable{FieldRef}, string, SearchSyntax, string?)"/>).</summary>
public enum SearchSyntax
{
    /// <summary>
    /// PostgreSQL's <c>to_tsquery</c>, Prisma's <c>search</c>: words joined by <c>&amp;</c> (and), <c>|</c> (or),
    /// <c>!</c> (not), <c>&lt;-&gt;</c> (followed by), <c>:*</c> (prefix), grouped with parentheses. Text
    /// outside the syntax (<c>cat dog</c>) is an error.
    /// </summary>
    TsQuery,

    /// <summary>
    /// PostgreSQL's <c>websearch_to_tsquery</c>, as a search box reads: words are all required, <c>"quoted words"</c>
    /// follow one another, <c>or</c> between words accepts either, <c>-word</c> excludes; any text is accepted.
    /// </summary>
    Web,
}
