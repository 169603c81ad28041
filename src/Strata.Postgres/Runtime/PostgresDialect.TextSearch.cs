using Strata.Metadata;
using Strata.Queries;

namespace Strata.Postgres.Runtime;

public sealed partial class PostgresDialect
{
    /// <inheritdoc />
    /// <remarks><c>to_tsvector(field) @@ to_tsquery(query)</c> (or <c>websearch_to_tsquery</c>): a null field leaves the match unknown, as other text filters do.</remarks>
    public override void WriteTextSearch(SqlWriter writer, string alias, TextSearch search)
    {
        writer.Sql("to_tsvector(");
        Configuration(writer, search);
        writer.Column(alias, search.Columns[0]).Sql(") @@ ");
        Query(writer, search);
    }

    /// <inheritdoc />
    /// <remarks><c>ts_rank</c> of the fields joined by a space (<c>concat_ws</c>, which skips nulls), as Prisma ranks them.</remarks>
    public override void WriteTextRelevance(SqlWriter writer, string alias, TextSearch search)
    {
        writer.Sql("ts_rank(to_tsvector(");
        Configuration(writer, search);
        writer.Sql("concat_ws(' '");
        foreach (var column in search.Columns) writer.Sql(", ").Column(alias, column);
        writer.Sql(")), ");
        Query(writer, search);
        writer.Sql(')');
    }

    private static void Query(SqlWriter writer, TextSearch search)
    {
        // Both functions take the same arguments; websearch_to_tsquery never refuses its text.
        writer.Sql(search.Syntax == SearchSyntax.Web ? "websearch_to_tsquery(" : "to_tsquery(");
        Configuration(writer, search);
        writer.Parameter(new QueryParameter(ScalarKind.String, null, search.Query)).Sql(')');
    }

    private static void Configuration(SqlWriter writer, TextSearch search)
    {
        if (search.Configuration is { } name) writer.Parameter(new QueryParameter(ScalarKind.String, null, name)).Sql("::regconfig, ");
    }
}
