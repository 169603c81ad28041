using System.Globalization;

namespace Strata.Differential.Engine;

/// <summary>The aggregates a generated case asks for.</summary>
public enum Agg { CountAll, Count, CountDistinct, Sum, Avg, Min, Max }

/// <summary>One aggregate of a case: the function, and its field (none for the count of records).</summary>
public sealed record AggTerm(Agg Agg, ScalarSpec? Field)
{
    public override string ToString() => Field == null ? "a.Count()" : $"a.{Agg}(x => x.{Field.Name})";
}

/// <summary>
/// A generated aggregate: without <see cref="By"/> Prisma's aggregate over the query's records (its
/// filter, order and paging apply first); with it, Prisma's groupBy over the filtered records, with
/// a HAVING on the count of a group, an order by the keys and a take of groups.
/// </summary>
public sealed record AggregateCase(ModelSpec Model) : RowsCase
{
    public AggTerm[] Terms { get; init; } = [];
    public ScalarSpec[] By { get; init; } = [];
    public int? MinCount { get; init; }
    public bool OrderGroups { get; init; }
    public int? TakeGroups { get; init; }

    public override string ToString()
    {
        var text = "db." + Model.Name + "s" + string.Concat(Parts(Model));
        var select = "(" + string.Join(", ", Terms.Select(t => t.ToString())) + ")";
        if (By.Length == 0) return text + $".AggregateAsync(a => {select})";
        text += ".GroupBy(x => [" + string.Join(", ", By.Select(b => "x." + b.Name)) + "])";
        if (MinCount != null) text += $".Having(g => g.Count() >= {MinCount})";
        if (OrderGroups) text += string.Concat(By.Select(b => $".OrderBy(g => g.Key(x => x.{b.Name}))"));
        if (TakeGroups != null) text += $".Take({TakeGroups})";
        return text + $".SelectAsync(a => {select})";
    }

    /// <summary>A random case over <paramref name="model"/>, its filter from <paramref name="cases"/>.</summary>
    public static AggregateCase Generate(Random r, CaseGenerator cases, ModelSpec model)
    {
        var fields = model.Scalars.Where(s => s.Aggregates.Length > 0).ToArray();
        var terms = Enumerable.Range(0, r.Next(1, 5)).Select(_ =>
        {
            if (r.Next(5) == 0) return new AggTerm(Agg.CountAll, null);
            var field = fields[r.Next(fields.Length)];
            return new AggTerm(field.Aggregates[r.Next(field.Aggregates.Length)], field);
        }).ToArray();
        var where = r.Next(100) < 70 ? cases.Cond(model, 0) : null;
        if (r.Next(2) == 0)
        {
            // Prisma's aggregate: the query's order and paging choose the records first.
            var order = r.Next(3) == 0 ? [] : new[] { new OrderKey(fields.Where(f => f.Orderable).ToArray()[r.Next(fields.Count(f => f.Orderable))], r.Next(2) == 0, Nulls.Default) };
            return new AggregateCase(model) { Terms = terms, Where = where, Order = order, Skip = r.Next(4) == 0 ? r.Next(0, 4) : null, Take = r.Next(4) == 0 ? r.Next(0, 6) : null };
        }
        var keys = fields.Where(f => f.Key != null).ToArray();
        var by = keys.OrderBy(_ => r.Next()).Take(r.Next(1, 3)).ToArray();
        bool ordered = r.Next(2) == 0;
        return new AggregateCase(model)
        {
            Terms = terms, Where = where, By = by,
            MinCount = r.Next(3) == 0 ? r.Next(1, 4) : null,
            OrderGroups = ordered,
            TakeGroups = ordered && r.Next(2) == 0 ? r.Next(0, 6) : null,
        };
    }

    /// <summary>The case's result by LINQ to objects over <paramref name="records"/> (already filtered, ordered and paged as the case says).</summary>
    public List<List<object?>> Expected(IEnumerable<object> records, Semantics semantics)
    {
        var rows = records.ToList();
        if (By.Length == 0) return [Terms.Select(t => Aggregate(t, rows, semantics)).ToList()];
        var groups = rows.GroupBy(row => string.Join("\u0001", By.Select(b => Semantics.Format(b.Get(row)))))
            .Select(g => g.ToList())
            .Where(g => MinCount == null || g.Count >= MinCount)
            .ToList();
        if (OrderGroups)
        {
            var order = By.Select(b => new OrderKey(b, false, Nulls.Default)).ToArray();
            var evaluator = new Evaluator(new object(), new object(), semantics);
            groups = groups.OrderBy(g => g[0], Comparer<object>.Create((a, b) => evaluator.Compare(order, a, b))).ToList();
        }
        if (TakeGroups is int take) groups = groups.Take(take).ToList();
        return groups.Select(g => By.Select(b => b.Get(g[0])).Concat(Terms.Select(t => Aggregate(t, g, semantics))).ToList()).ToList();
    }

    private static object? Aggregate(AggTerm term, List<object> rows, Semantics semantics)
    {
        if (term.Field == null) return rows.Count;
        var values = rows.Select(term.Field.Get).Where(v => v != null).Cast<object>().ToList();
        switch (term.Agg)
        {
            case Agg.Count: return values.Count;
            case Agg.CountDistinct: return values.Select(Semantics.Format).Distinct().Count();
            case Agg.Min: return values.Count == 0 ? null : values.Aggregate((a, b) => semantics.CompareExtremes(a, b) <= 0 ? a : b);
            case Agg.Max: return values.Count == 0 ? null : values.Aggregate((a, b) => semantics.CompareExtremes(a, b) >= 0 ? a : b);
        }
        if (values.Count == 0) return null;
        return (term.Agg, values[0]) switch
        {
            (Agg.Sum, int or long) => values.Sum(v => Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            (Agg.Sum, double) => values.Sum(v => (double)v),
            (Agg.Sum, decimal) => values.Sum(v => (decimal)v),
            (Agg.Avg, decimal) => values.Average(v => (decimal)v),
            _ => values.Average(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>The rows as text, sorted when the case gives no order of groups; numbers that are not integers printed to nine significant digits (SQL and LINQ add in other orders).</summary>
    public string[] Text(List<List<object?>> rows)
    {
        var text = rows.Select(row => string.Join(", ", row.Select(Print))).ToList();
        if (By.Length > 0 && !OrderGroups) text.Sort(StringComparer.Ordinal);
        return text.ToArray();
    }

    private static string Print(object? value) => value switch
    {
        double d => d.ToString("G9", CultureInfo.InvariantCulture),
        decimal m => ((double)m).ToString("G9", CultureInfo.InvariantCulture),
        _ => Semantics.Format(value),
    };
}
