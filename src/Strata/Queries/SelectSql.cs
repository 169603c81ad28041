using System.Collections;
using Strata.Metadata;

namespace Strata.Queries;

/// <summary>The keys of parent records whose related records an include loads.</summary>
/// <param name="Columns">The related model's joining columns.</param>
/// <param name="Values">One value per parent for a single column; an object?[] per parent for several.</param>
internal sealed record ParentKeys(ColumnInfo[] Columns, IList Values);

/// <summary>A query ready to write: its filter, the order with tie-breakers added, and the take made non-negative.</summary>
internal readonly record struct PreparedSelect(QueryState State, Filter? Where, OrderBy[] Order, int? Take, bool Reverse)
{
    /// <summary>
    /// The query of <paramref name="state"/>; <paramref name="where"/> replaces its filter (a unique
    /// lookup's criterion, which holds the query's Where already), and <paramref name="first"/> takes
    /// one record (from the end of the order when the query takes backwards).
    /// </summary>
    public static PreparedSelect From(ModelInfo model, QueryState state, Filter? where = null, bool first = false)
    {
        var order = state.Order;
        bool reverse = state.Take < 0;
        int? take = first ? 1 : reverse ? -state.Take : state.Take;
        if (state.Cursor != null && order.Any(o => o.IsComputed))
            throw new StrataException(ErrorCodes.InvalidQuery, $"A cursor pages by {model.Name}'s own fields: order by a relation or a relevance without a cursor, or page with Skip and Take.") { Model = model.Name };
        if (state.Cursor != null || reverse)
        {
            // Paging backwards or from a cursor needs a total order: finish it with a unique key.
            var tieBreak = state.Cursor?.Unique ?? model.PrimaryKey
                ?? throw new StrataException(ErrorCodes.InvalidQuery, $"{model.Name} has no unique criterion to page by.") { Model = model.Name };
            var extra = tieBreak.Columns.Where(c => order.All(o => o.IsComputed || o.Column.Index != c)).Select(c => new OrderBy(model.Columns[c], false, Nulls.Default));
            order = [.. order, .. extra];
        }
        if (reverse) order = order.Select(o => o.Reversed()).ToArray();
        return new PreparedSelect(state, where ?? state.Where, order, take, reverse);
    }
}

/// <summary>Writes SELECT and COUNT statements: filter, cursor, distinct, order, paging, and the per-parent window of includes.</summary>
internal static class SelectSql
{
    public static void Write(SqlWriter w, ModelInfo model, PreparedSelect query, ParentKeys? parents, bool count = false)
    {
        var state = query.State;
        bool perParentPaging = parents != null && (query.Take.HasValue || state.Skip.HasValue);
        bool windowed = state.Distinct != null || perParentPaging;
        bool wrapCount = count && (windowed || query.Take.HasValue || state.Skip.HasValue);
        var alias = w.NextAlias();
        if (count && !wrapCount) w.Sql("SELECT COUNT(*)");
        else
        {
            w.Sql("SELECT ");
            if (windowed) WriteAllColumns(w, model, alias);
            else if (count) w.Sql('1');
            else WriteColumns(w, model, state.Columns, alias);
            if (windowed)
            {
                w.Sql(", ROW_NUMBER() OVER (");
                var partition = state.Distinct ?? parents!.Columns;
                w.Sql("PARTITION BY ");
                for (int i = 0; i < partition.Length; i++)
                {
                    if (i > 0) w.Sql(", ");
                    w.Column(alias, partition[i]);
                }
                WriteOrder(w, alias, query.Order);
                w.Sql(") AS ").Identifier("__rn");
            }
        }
        w.Sql(" FROM ").Table(model.Schema, model.TableName).Sql(' ').Sql(alias);
        string? cursor = state.Cursor != null ? WriteCursorJoin(w, model, state.Cursor, query.Order) : null;

        var conditions = 0;
        if (query.Where != null) { Where(w, ref conditions); query.Where.Write(w, alias); }
        if (cursor != null) { Where(w, ref conditions); WriteCursorCondition(w, alias, cursor, query.Order, 0); }
        if (parents != null) { Where(w, ref conditions); WriteParentKeys(w, alias, parents); }

        if (windowed)
        {
            // The window numbered rows per partition; the outer query keeps the wanted ones.
            var outer = w.NextAlias();
            w.Sql(") ").Sql(outer).Sql(" WHERE ");
            if (state.Distinct != null)
            {
                w.Identifier("__rn").Sql(" = 1");
                WriteOrder(w, outer, query.Order);
                w.Dialect.WriteLimitOffset(w, query.Take, state.Skip);
            }
            else
            {
                w.Identifier("__rn").Sql(" > ").Parameter(state.Skip ?? 0);
                if (query.Take.HasValue) w.Sql(" AND ").Identifier("__rn").Sql(" <= ").Parameter((state.Skip ?? 0) + query.Take.Value);
                WriteOrder(w, outer, query.Order);
            }
            var head = new SqlWriter(w.Dialect, capacity: 16);
            head.Sql("SELECT ");
            if (count) head.Sql('1');
            else WriteColumns(head, model, state.Columns, outer);
            w.Prepend(head.Sql(" FROM ("));
        }
        else
        {
            if (!count) WriteOrder(w, alias, query.Order);
            if (!count || wrapCount) w.Dialect.WriteLimitOffset(w, query.Take, state.Skip);
        }
        if (wrapCount)
        {
            var head = new SqlWriter(w.Dialect, capacity: 16);
            w.Prepend(head.Sql("SELECT COUNT(*) FROM ("));
            w.Sql(") ").Sql(w.NextAlias());
        }
    }

    /// <summary>Writes the SELECT list of a model's selected columns, qualified with <paramref name="alias"/> (or bare when null).</summary>
    public static void WriteColumns(SqlWriter w, ModelInfo model, ColumnSet columns, string? alias)
    {
        bool first = true;
        foreach (var column in model.Columns)
        {
            if (!columns.Has(column.Index)) continue;
            if (!first) w.Sql(", ");
            first = false;
            w.Dialect.WriteSelectColumn(w, alias, column);
        }
    }

    private static void WriteAllColumns(SqlWriter w, ModelInfo model, string alias) => WriteColumns(w, model, ColumnSet.All, alias);

    private static void Where(SqlWriter w, ref int conditions) => w.Sql(conditions++ == 0 ? " WHERE " : " AND ");

    private static void WriteOrder(SqlWriter w, string alias, OrderBy[] order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            var o = order[i];
            w.Sql(i == 0 ? " ORDER BY " : ", ");
            if (NullsOrder.NeedsNullTest(w, o.Nulls))
            {
                WriteOrderKey(w, alias, o);
                NullsOrder.WriteNullTest(w, o.Nulls);
            }
            WriteOrderKey(w, alias, o);
            NullsOrder.WriteDirection(w, o.Descending, o.Nulls);
        }
    }

    private static void WriteOrderKey(SqlWriter w, string alias, OrderBy o)
    {
        if (o.Via != null) o.Via.Write(w, alias, o.Column);
        else if (o.Relevance != null) w.Dialect.WriteTextRelevance(w, alias, o.Relevance);
        else w.Column(alias, o.Column);
    }

    private static string WriteCursorJoin(SqlWriter w, ModelInfo model, UniqueFilter cursor, OrderBy[] order)
    {
        // The cursor row's values of the order keys, as a one-row table: no row, no results.
        var inner = w.NextAlias();
        var cur = w.NextAlias();
        w.Sql(" CROSS JOIN (SELECT ");
        for (int i = 0; i < order.Length; i++)
        {
            if (i > 0) w.Sql(", ");
            w.Column(inner, order[i].Column).Sql(" AS ").Identifier(CursorKey(i));
        }
        w.Sql(" FROM ").Table(model.Schema, model.TableName).Sql(' ').Sql(inner).Sql(" WHERE ");
        cursor.ToFilter(model).Write(w, inner);
        w.Sql(") ").Sql(cur);
        return cur;
    }

    private static void WriteCursorCondition(SqlWriter w, string alias, string cursor, OrderBy[] order, int i)
    {
        // Rows at or after the cursor row in the order: after it on k0, or level with it on k0 and
        // at or after it on the rest. Nulls sit where the order puts them, so an optional key
        // compares nulls too (as Prisma's cursors do), instead of letting NULL drop every row.
        var o = order[i];
        var key = CursorKey(i);
        bool last = i == order.Length - 1;
        if (last && !o.Column.IsOptional)
        {
            w.Column(alias, o.Column).Sql(o.Descending ? " <= " : " >= ").Sql(cursor).Sql('.').Identifier(key);
            return;
        }
        w.Sql('(');
        WriteAfterCursor(w, alias, cursor, key, o);
        w.Sql(" OR ");
        if (!last) w.Sql('(');
        WriteLevelWithCursor(w, alias, cursor, key, o);
        if (!last)
        {
            w.Sql(" AND ");
            WriteCursorCondition(w, alias, cursor, order, i + 1);
            w.Sql(')');
        }
        w.Sql(')');
    }

    private static void WriteAfterCursor(SqlWriter w, string alias, string cursor, string key, OrderBy o)
    {
        if (!o.Column.IsOptional)
        {
            w.Column(alias, o.Column).Sql(o.Descending ? " < " : " > ").Sql(cursor).Sql('.').Identifier(key);
            return;
        }
        bool nullsFirst = o.Nulls == Nulls.First || (o.Nulls == Nulls.Default && w.Dialect.NullsFirstAscending != o.Descending);
        w.Sql('(').Column(alias, o.Column).Sql(o.Descending ? " < " : " > ").Sql(cursor).Sql('.').Identifier(key).Sql(" OR (");
        // After the cursor's null when nulls come first; a null row is after the cursor's value when they come last.
        if (nullsFirst) w.Sql(cursor).Sql('.').Identifier(key).Sql(" IS NULL AND ").Column(alias, o.Column).Sql(" IS NOT NULL))");
        else w.Column(alias, o.Column).Sql(" IS NULL AND ").Sql(cursor).Sql('.').Identifier(key).Sql(" IS NOT NULL))");
    }

    private static void WriteLevelWithCursor(SqlWriter w, string alias, string cursor, string key, OrderBy o)
    {
        if (!o.Column.IsOptional)
        {
            w.Column(alias, o.Column).Sql(" = ").Sql(cursor).Sql('.').Identifier(key);
            return;
        }
        w.Sql('(').Column(alias, o.Column).Sql(" = ").Sql(cursor).Sql('.').Identifier(key).Sql(" OR (")
            .Column(alias, o.Column).Sql(" IS NULL AND ").Sql(cursor).Sql('.').Identifier(key).Sql(" IS NULL))");
    }

    public static void WriteParentKeys(SqlWriter w, string alias, ParentKeys parents)
    {
        if (parents.Columns.Length == 1)
        {
            w.Dialect.WriteInList(w, alias, parents.Columns[0], parents.Values, negate: false, insensitive: false);
            return;
        }
        // Compound keys: (a, b) IN ((..), (..)), one parameter per value.
        w.Sql('(');
        for (int i = 0; i < parents.Columns.Length; i++)
        {
            if (i > 0) w.Sql(", ");
            w.Column(alias, parents.Columns[i]);
        }
        w.Sql(") IN (");
        for (int row = 0; row < parents.Values.Count; row++)
        {
            var values = (object?[])parents.Values[row]!;
            w.Sql(row == 0 ? "(" : ", (");
            for (int i = 0; i < values.Length; i++)
            {
                if (i > 0) w.Sql(", ");
                w.Parameter(parents.Columns[i], values[i]);
            }
            w.Sql(')');
        }
        w.Sql(')');
    }

    private static readonly string[] CursorKeys = Enumerable.Range(0, 16).Select(i => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The name of the cursor row's <paramref name="i"/>th order key.</summary>
    private static string CursorKey(int i) => i < CursorKeys.Length ? CursorKeys[i] : "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
