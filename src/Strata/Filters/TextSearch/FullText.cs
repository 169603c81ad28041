namespace Strata;

/// <summary>Full-text search's order by relevance (Prisma's <c>_relevance</c>).</summary>
public static class FullText
{
    /// <summary>
    /// Orders by how well <paramref name="fields"/> (joined by a space) match <paramref name="query"/>
    /// (in <c>to_tsquery</c>'s syntax): <c>.Desc()</c> for the best first. PostgreSQL ranks with <c>ts_rank</c>,
    /// SQLite with Strata's own measure (more occurrences of the query's words rank higher).
    /// Every record is ordered; null fields count as empty text.
    /// </summary>
    /// <param name="fields">The text fields, from the <c>XxxFields</c> proxy: <c>[p.Title, p.Body]</c>.</param>
    /// <param name="query">The query.</param>
    /// <param name="configuration">The text search configuration (<c>english</c>, ...), or null for the database's default.</param>
    public static RelevanceOrder Relevance(IEnumerable<FieldRef> fields, string query, string? configuration = null) =>
        Relevance(fields, query, SearchSyntax.TsQuery, configuration);

    /// <summary>The relevance of <paramref name="fields"/> to <paramref name="query"/> read in <paramref name="syntax"/> (<see cref="SearchSyntax.Web"/>: as a search box).</summary>
    /// <param name="fields">The text fields, from the <c>XxxFields</c> proxy: <c>[p.Title, p.Body]</c>.</param>
    /// <param name="query">The query.</param>
    /// <param name="syntax">How the query is read.</param>
    /// <param name="configuration">The text search configuration (<c>english</c>, ...), or null for the database's default.</param>
    public static RelevanceOrder Relevance(IEnumerable<FieldRef> fields, string query, SearchSyntax syntax, string? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new RelevanceOrder(TextSearch.Create(fields.Select(f => f.Column).ToArray(), query, configuration, syntax));
    }
}

/// <summary>The relevance of a full-text query, as an order key: <c>.Desc()</c>, or ascending alone.</summary>
public readonly struct RelevanceOrder
{
    private readonly TextSearch _search;

    internal RelevanceOrder(TextSearch search) => _search = search;

    /// <summary>Least relevant first.</summary>
    public OrderBy Asc() => Key(false);

    /// <summary>Most relevant first.</summary>
    public OrderBy Desc() => Key(true);

    /// <summary>A relevance alone orders ascending.</summary>
    public static implicit operator OrderBy(RelevanceOrder relevance) => relevance.Asc();

    // The column is the first field searched; Relevance says what is ordered by.
    private OrderBy Key(bool descending) => new(_search.Columns[0], descending, Nulls.Default) { Relevance = _search };
}
