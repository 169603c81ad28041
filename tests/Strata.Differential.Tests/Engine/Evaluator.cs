
namespace Strata.Differential.Engine;

/// <summary>
/// Evaluates a generated query over the in-memory rows with LINQ to objects, by Prisma's
/// semantics: filter (three-valued), order, cursor (rows at or after the cursor row in the order),
/// distinct (the first row of each value in the order), skip and take (a negative take pages
/// backwards and keeps the order), and per-parent includes with their own refinements.
/// </summary>
/// <param name="data">The in-memory data, whose rows the models read.</param>
/// <param name="index">Its index, which relations are looked up in.</param>
/// <param name="semantics">The provider's semantics.</param>
public sealed class Evaluator(object data, object index, Semantics semantics)
{
    public Semantics Semantics => semantics;

    public List<object> Rows(QueryCase query) =>
        Apply(query, query.Model, query.Model.Rows(data), query.Cursor, query.Distinct);

    public List<object> Apply(RowsCase rows, ModelSpec model, IEnumerable<object> candidates, object?[]? cursor = null, ScalarSpec[]? distinct = null)
    {
        var matching = candidates.Where(r => rows.Where == null || rows.Where.Eval(index, r, semantics) == Tri.True).ToList();
        bool reverse = rows.Take < 0;
        var order = rows.FullOrder(model).Select(o => reverse ? o with { Descending = !o.Descending, Nulls = Flip(o.Nulls) } : o).ToArray();
        var comparer = Comparer<object>.Create((a, b) => Compare(order, a, b));
        if (order.Length > 0) matching = matching.OrderBy(r => r, comparer).ToList();
        if (cursor != null)
        {
            var at = model.Rows(data).FirstOrDefault(r => model.Key.Select(k => k.Get(r)).SequenceEqual(cursor));
            matching = at == null ? [] : matching.Where(r => comparer.Compare(r, at) >= 0).ToList();
        }
        if (distinct is { Length: > 0 })
        {
            var seen = new HashSet<string>();
            matching = matching.Where(r => seen.Add(string.Join("\u0001", distinct.Select(d => Semantics.Format(d.Get(r)))))).ToList();
        }
        IEnumerable<object> page = matching;
        if (rows.Skip is int skip) page = page.Skip(skip);
        if (rows.Take is int take) page = page.Take(Math.Abs(take));
        var result = page.ToList();
        if (reverse) result.Reverse();
        return result;
    }

    /// <summary>The number of related records of <paramref name="parent"/> a counted relation counts.</summary>
    public int? Count(IncludeCase count, object parent) => Apply(count, count.Relation.Target(), count.Relation.Related(index, parent)).Count;

    /// <summary>The rows of an included relation of <paramref name="parent"/>.</summary>
    public List<object> Children(IncludeCase include, object parent)
    {
        var related = include.Relation.Related(index, parent);
        return include.Relation.IsList ? Apply(include, include.Relation.Target(), related) : related.Take(1).ToList();
    }

    public int Compare(OrderKey[] order, object a, object b)
    {
        foreach (var key in order)
        {
            object? x = key.Value(index, a), y = key.Value(index, b);
            if (x == null && y == null) continue;
            if (x == null || y == null)
            {
                bool nullsFirst = key.Nulls == Nulls.First || (key.Nulls == Nulls.Default && semantics.NullsFirstAscending != key.Descending);
                return (x == null) == nullsFirst ? -1 : 1;
            }
            int c = semantics.Compare(x, y);
            if (c != 0) return key.Descending ? -c : c;
        }
        return 0;
    }

    private static Nulls Flip(Nulls nulls) => nulls switch { Nulls.First => Nulls.Last, Nulls.Last => Nulls.First, _ => Nulls.Default };
}

/// <summary>Prints result rows, with their includes, so that the oracle's and a database's can be compared as text.</summary>
public static class ResultText
{
    /// <summary>Rows printed one a line; when the order is not given, sorted, since any order is then right.</summary>
    public static List<string> Rows(ModelSpec model, RowsCase rows, IEnumerable<object> items, Func<IncludeCase, object, IEnumerable<object>> children, Func<IncludeCase, object, int?> counts)
    {
        var text = items.Select(r => Row(model, rows, r, children, counts)).ToList();
        if (rows.FullOrder(model).Length == 0) text.Sort(StringComparer.Ordinal);
        return text;
    }

    /// <summary>The count a database's entity holds for a counted relation.</summary>
    public static int? Counted(IncludeCase count, object entity) => count.Relation.Counted!(entity);

    private static string Row(ModelSpec model, RowsCase rows, object row, Func<IncludeCase, object, IEnumerable<object>> children, Func<IncludeCase, object, int?> counts)
    {
        var parts = model.Scalars.Where(s => !rows.Omit.Contains(s)).Select(s => s.Name + "=" + Semantics.Format(s.Get(row))).ToList();
        foreach (var count in rows.Counts) parts.Add("#" + count.Relation.Name + "=" + Semantics.Format(counts(count, row)));
        foreach (var include in rows.Includes)
        {
            var target = include.Relation.Target();
            var related = children(include, row).ToList();
            if (include.Relation.IsList) parts.Add(include.Relation.Name + "=[" + string.Join(", ", Rows(target, include, related, children, counts)) + "]");
            else parts.Add(include.Relation.Name + "=" + (related.Count == 0 ? "null" : Row(target, include, related[0], children, counts)));
        }
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>The included records a database's entity holds.</summary>
    public static IEnumerable<object> Included(IncludeCase include, object entity) => include.Relation.Included(entity) switch
    {
        null => [],
        System.Collections.IList list => list.Cast<object>(),
        var one => [one],
    };
}
