using Strata.Metadata;

namespace Strata;

/// <summary>
/// A full-text query over text columns, as the dialect receives it to write: a filter
/// (<see cref="StringField.Search"/>) or an order by relevance (<see cref="FullText.Relevance"/>).
/// </summary>
/// <param name="Columns">The text columns searched, joined by a space in this order.</param>
/// <param name="Query">The query in PostgreSQL's <c>to_tsquery</c> syntax: words joined by <c>&amp;</c> (and), <c>|</c> (or), <c>!</c> (not), <c>&lt;-&gt;</c> (followed by), grouped with parentheses.</param>
/// <param name="Configuration">The text search configuration (<c>english</c>, <c>simple</c>, ...), or null for the database's <c>default_text_search_config</c>.</param>
public sealed record TextSearch(IReadOnlyList<ColumnInfo> Columns, string Query, string? Configuration)
{
    internal static TextSearch Create(IReadOnlyList<ColumnInfo> columns, string query, string? configuration)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (columns.Count == 0) throw new ArgumentException("A full-text search needs at least one field.", nameof(columns));
        foreach (var column in columns)
            if (column.Kind != ScalarKind.String || column.IsList)
                throw new StrataException(ErrorCodes.InvalidQuery, $"Full-text search reads text fields only; {column.FieldName} is not one.");
        Execution.ValueGuard.Check(new Queries.QueryParameter(ScalarKind.String, null, query), null);
        return new TextSearch(columns, query, configuration);
    }

    /// <summary>The refusal of a database without full-text search over ordinary tables.</summary>
    internal static StrataException Unsupported(string provider) => new(ErrorCodes.InvalidQuery,
        $"Full-text search (Search, FullText.Relevance) needs PostgreSQL; {provider} cannot search an ordinary table: SQLite's FTS5 searches only its own virtual tables. " +
        "Keep an FTS5 table beside the model (created in a migration, filled by triggers) and query it with QueryRawAsync (... WHERE fts MATCH {query}).");
}

internal sealed class TextSearchFilter(TextSearch search) : Filter
{
    public TextSearch Search { get; } = search;

    internal override void Write(Queries.SqlWriter writer, string alias) => writer.Dialect.WriteTextSearch(writer, alias, Search);
}
