using Strata.Metadata;
using Strata.Queries;

namespace Strata.Aggregates;

/// <summary>Writes the statements of aggregates (one row over a query) and of groups (a row per group).</summary>
internal static class AggregateSql
{
    /// <summary>
    /// The aggregates over the query's records. A query with an order, paging, a cursor or distinct
    /// aggregates the records it selects (as Prisma's aggregate does), so it becomes a subquery;
    /// otherwise the aggregates read the table directly.
    /// </summary>
    public static void WriteAggregate(SqlWriter w, ModelInfo model, QueryState state, IReadOnlyList<AggregateTerm> terms)
    {
        if (!state.SelectsRecords)
        {
            var alias = w.NextAlias();
            w.Sql("SELECT ");
            WriteTerms(w, terms, alias);
            w.Sql(" FROM ").Table(model.Schema, model.TableName).Sql(' ').Sql(alias);
            if (state.Where != null)
            {
                w.Sql(" WHERE ");
                state.Where.Write(w, alias);
            }
            return;
        }
        SelectSql.Write(w, model, PreparedSelect.From(model, state with { Omitted = null, Includes = [] }), null);
        var outer = w.NextAlias();
        var head = new SqlWriter(w.Dialect, capacity: 16);
        head.Sql("SELECT ");
        WriteTerms(head, terms, outer);
        w.Prepend(head.Sql(" FROM ("));
        w.Sql(") ").Sql(outer);
    }

    /// <summary>One row per group: the key columns, then the aggregates; HAVING, ORDER BY and paging apply to groups.</summary>
    public static void WriteGroups(SqlWriter w, ModelInfo model, GroupState group, IReadOnlyList<AggregateTerm> terms)
    {
        var alias = w.NextAlias();
        w.Sql("SELECT ");
        for (int i = 0; i < group.By.Length; i++)
        {
            if (i > 0) w.Sql(", ");
            w.Dialect.WriteSelectColumn(w, alias, group.By[i]);
        }
        if (terms.Count > 0) w.Sql(", ");
        WriteTerms(w, terms, alias);
        w.Sql(" FROM ").Table(model.Schema, model.TableName).Sql(' ').Sql(alias);
        if (group.Where != null)
        {
            w.Sql(" WHERE ");
            group.Where.Write(w, alias);
        }
        w.Sql(" GROUP BY ");
        for (int i = 0; i < group.By.Length; i++)
        {
            if (i > 0) w.Sql(", ");
            w.Column(alias, group.By[i]);
        }
        if (group.Having != null)
        {
            w.Sql(" HAVING ");
            group.Having.Write(w, alias);
        }
        for (int i = 0; i < group.Order.Length; i++)
        {
            var o = group.Order[i];
            w.Sql(i == 0 ? " ORDER BY " : ", ");
            if (NullsOrder.NeedsNullTest(w, o.Nulls))
            {
                WriteKey(w, alias, o);
                NullsOrder.WriteNullTest(w, o.Nulls);
            }
            WriteKey(w, alias, o);
            NullsOrder.WriteDirection(w, o.Descending, o.Nulls);
        }
        w.Dialect.WriteLimitOffset(w, group.Take, group.Skip);
    }

    private static void WriteKey(SqlWriter w, string alias, GroupOrder o)
    {
        if (o.Term is { } term) term.Write(w, alias);
        else w.Column(alias, o.Key!);
    }

    private static void WriteTerms(SqlWriter w, IReadOnlyList<AggregateTerm> terms, string alias)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            if (i > 0) w.Sql(", ");
            terms[i].Write(w, alias);
        }
    }
}

/// <summary>What a group query holds: the records' filter, the fields grouped by, and HAVING, ORDER BY and paging of the groups.</summary>
internal sealed record GroupState(Filter? Where, ColumnInfo[] By)
{
    public Filter? Having { get; init; }

    public GroupOrder[] Order { get; init; } = [];

    public int? Skip { get; init; }

    public int? Take { get; init; }
}
