using Strata.Metadata;
using Strata.Queries;
using Strata.Sqlite.Runtime.TextSearch;

namespace Strata.Sqlite.Runtime;

public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    /// <remarks>
    /// <c>strata_search(query, syntax, field)</c>, Strata's function on each connection (a scan: no index
    /// serves it). The query is read here first, so one outside its syntax fails before the statement runs.
    /// A null field leaves the match unknown, as other text filters do.
    /// </remarks>
    public override void WriteTextSearch(SqlWriter writer, string alias, Strata.TextSearch search)
    {
        Call(writer, SearchFunctions.Search, search);
        writer.Sql(", ").Column(alias, search.Columns[0]).Sql(')');
    }

    /// <inheritdoc />
    /// <remarks><c>strata_rank(query, syntax, field, ...)</c>: the fields joined, a null one as empty text.</remarks>
    public override void WriteTextRelevance(SqlWriter writer, string alias, Strata.TextSearch search)
    {
        Call(writer, SearchFunctions.Rank, search);
        foreach (var column in search.Columns) writer.Sql(", ").Column(alias, column);
        writer.Sql(')');
    }

    private static void Call(SqlWriter writer, string function, Strata.TextSearch search)
    {
        // PostgreSQL reads a configuration's name as an identifier: without regard to case, maybe with its schema.
        if (search.Configuration is { } name && !name.Equals("simple", StringComparison.OrdinalIgnoreCase) && !name.Equals("pg_catalog.simple", StringComparison.OrdinalIgnoreCase))
            throw new StrataException(ErrorCodes.InvalidQuery,
                $"SQLite's full-text search has no text search configuration \"{name}\": it matches words as they are written (folding case and accents), " +
                "without stemming, as PostgreSQL's \"simple\" configuration does. Pass null or \"simple\".");
        TextQueries.Get(search.Query, search.Syntax);
        writer.Sql(function).Sql('(').Parameter(new QueryParameter(ScalarKind.String, null, search.Query)).Sql(", ").Number((int)search.Syntax);
    }
}
