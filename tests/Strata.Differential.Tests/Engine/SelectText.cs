
namespace Strata.Differential.Engine;

/// <summary>
/// Prints a record through a select proxy as <see cref="ResultText"/> prints an entity: the case's
/// fields (all but the omitted), counts and included relations become one Select lambda, so a
/// query run as a Select must print the oracle's rows.
/// </summary>
public static class SelectText
{
    /// <summary>The projection of the record a select proxy reads: what the Select lambda of <paramref name="rows"/> returns.</summary>
    public static string Row(ModelSpec model, RowsCase rows, object proxy)
    {
        var parts = model.Scalars.Where(s => !rows.Omit.Contains(s)).Select(s => s.Name + "=" + Semantics.Format(s.Selected(proxy))).ToList();
        foreach (var count in rows.Counts) parts.Add("#" + count.Relation.Name + "=" + Semantics.Format(count.Relation.SelectCount!(proxy, count)));
        foreach (var include in rows.Includes)
        {
            var target = include.Relation.Target();
            var selected = include.Relation.Select(proxy, include, p => Row(target, include, p));
            if (!include.Relation.IsList)
            {
                parts.Add(include.Relation.Name + "=" + ((string?)selected ?? "null"));
                continue;
            }
            var related = (List<string>)selected!;
            if (include.FullOrder(target).Length == 0) related.Sort(StringComparer.Ordinal);
            parts.Add(include.Relation.Name + "=[" + string.Join(", ", related) + "]");
        }
        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>The rows of a query run as a Select, in the order <see cref="ResultText.Rows"/> prints them.</summary>
    public static async Task<List<string>> RowsAsync(ModelSpec model, object client, QueryCase query)
    {
        var rows = await model.RunSelect!(client, query, p => Row(model, query, p));
        if (query.FullOrder(model).Length == 0) rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
