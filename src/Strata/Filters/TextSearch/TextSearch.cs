using Strata.Metadata;

namespace Strata;

/// <summary>
/// A full-text query over text columns, as the dialect receives it to write: a filter
/// (<see cref="StringField.Search(string, string?)"/>) or an order by relevance (<see cref="FullText.Relevance(IEnumerable{FieldRef}, string, string?)"/>).
/// </summary>
/// <param name="Columns">The text columns searched, joined by a space in this order.</param>
/// <param name="Query">The query, in the syntax <see cref="Syntax"/> names: by default PostgreSQL's <c>to_tsquery</c> syntax, words joined by <c>&amp;</c> (and), <c>|</c> (or), <c>!</c> (not), <c>&lt;-&gt;</c> (followed by), grouped with parentheses.</param>
/// <param name="Configuration">The text search configuration (<c>english</c>, <c>simple</c>, ...), or null for the database's <c>default_text_search_config</c>.</param>
public sealed record TextSearch(IReadOnlyList<ColumnInfo> Columns, string Query, string? Configuration)
{
    /// <summary>How <see cref="Query"/> is read: <c>to_tsquery</c>'s syntax, or a search box's (<c>websearch_to_tsquery</c>).</summary>
    public SearchSyntax Syntax { get; init; }

    internal static TextSearch Create(IReadOnlyList<ColumnInfo> columns, string query, string? configuration, SearchSyntax syntax = SearchSyntax.TsQuery)
    {
        if (!Enum.IsDefined(syntax)) throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Not a SearchSyntax.");
        ArgumentNullException.ThrowIfNull(query);
        if (columns.Count == 0) throw new ArgumentException("A full-text search needs at least one field.", nameof(columns));
        foreach (var column in columns)
            if (column.Kind != ScalarKind.String || column.IsList)
                throw new StrataException(ErrorCodes.InvalidQuery, $"Full-text search reads text fields only; {column.FieldName} is not one.");
        Execution.ValueGuard.Check(new Queries.QueryParameter(ScalarKind.String, null, query), null);
        return new TextSearch(columns, query, configuration) { Syntax = syntax };
    }

    /// <summary>The refusal of a database without full-text search.</summary>
    internal static StrataException Unsupported(string provider) =>
        new(ErrorCodes.InvalidQuery, $"Full-text search (Search, FullText.Relevance) is not supported on {provider}.");
}

internal sealed class TextSearchFilter(TextSearch search) : Filter
{
    public TextSearch Search { get; } = search;

    internal override void Write(Queries.SqlWriter writer, string alias) => writer.Dialect.WriteTextSearch(writer, alias, Search);
}
