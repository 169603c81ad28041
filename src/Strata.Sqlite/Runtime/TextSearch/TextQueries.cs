namespace Strata.Sqlite.Runtime.TextSearch;

/// <summary>
/// Parsed queries by their text and syntax. A statement calls its search function once per row with
/// the same query, so the last query parsed on each thread is kept: SQLite runs a statement's
/// functions on the thread that steps it, the one that also wrote the statement.
/// </summary>
internal static class TextQueries
{
    [ThreadStatic]
    private static (string Text, SearchSyntax Syntax, TextQuery Query)? _last;

    /// <summary>The query <paramref name="text"/> reads as in <paramref name="syntax"/>; to_tsquery text outside its syntax is error P2009.</summary>
    public static TextQuery Get(string text, SearchSyntax syntax)
    {
        if (_last is { } last && last.Syntax == syntax && string.Equals(last.Text, text, StringComparison.Ordinal)) return last.Query;
        var query = syntax == SearchSyntax.Web ? WebSearchParser.Parse(text) : TsQueryParser.Parse(text);
        _last = (text, syntax, query);
        return query;
    }
}
