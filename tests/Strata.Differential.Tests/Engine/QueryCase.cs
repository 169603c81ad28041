
namespace Strata.Differential.Engine;

/// <summary>
/// One key of an ordering: a field of the record, or (through <see cref="Via"/>, to-one relations)
/// of a related record, or the number of records of a list relation (<see cref="Count"/>; then
/// <see cref="Field"/> is not read).
/// </summary>
public sealed record OrderKey(ScalarSpec Field, bool Descending, Nulls Nulls)
{
    public RelationSpec[] Via { get; init; } = [];
    public RelationSpec? Count { get; init; }

    /// <summary>True for a key of the record's own field.</summary>
    public bool IsOwn => Via.Length == 0 && Count == null;

    public OrderBy Build(object fields) => Build(fields, 0);

    private OrderBy Build(object fields, int hop)
    {
        if (hop < Via.Length) return Via[hop].OrderVia!(fields, inner => Build(inner, hop + 1));
        if (Count != null) return Descending ? Count.OrderCount!(fields).Desc() : Count.OrderCount!(fields).Asc();
        return Descending ? Field.Field(fields).Desc(Nulls) : Field.Field(fields).Asc(Nulls);
    }

    /// <summary>The key's value for an in-memory row: the field, through the related records (null where one is missing), or the count.</summary>
    public object? Value(object index, object row)
    {
        foreach (var hop in Via)
        {
            var next = hop.Related(index, row).FirstOrDefault();
            if (next == null) return null;
            row = next;
        }
        return Count != null ? Count.Related(index, row).Count() : Field.Get(row);
    }

    public override string ToString()
    {
        var key = Count != null ? $"{Count.Name}.Count().{(Descending ? "Desc" : "Asc")}()"
            : $"{Field.Name}.{(Descending ? "Desc" : "Asc")}({(Nulls == Nulls.Default ? "" : "Nulls." + Nulls)})";
        return "x." + string.Concat(Via.Select(v => v.Name + ".By(x => x.")) + key + new string(')', Via.Length);
    }
}

/// <summary>What the rows of a query or of an included list are: filter, order, paging, distinct, omit, includes.</summary>
public abstract record RowsCase
{
    public Cond? Where { get; init; }
    public OrderKey[] Order { get; init; } = [];
    public int? Skip { get; init; }
    public int? Take { get; init; }
    public ScalarSpec[] Omit { get; init; } = [];
    public IncludeCase[] Includes { get; init; } = [];
    /// <summary>List relations counted (IncludeCount), each with only a Where.</summary>
    public IncludeCase[] Counts { get; init; } = [];

    /// <summary>
    /// An order, and paging, are made total by appending the model's key: then one result is right
    /// and results compare as sequences; without any order they compare as sets.
    /// </summary>
    public virtual bool NeedsTotalOrder => Order.Length > 0 || Skip != null || Take != null;

    /// <summary>True when a filter of these rows, of an include's or of a count's uses full-text search.</summary>
    public bool UsesSearch => Where?.UsesSearch == true || Includes.Any(i => i.UsesSearch) || Counts.Any(c => c.UsesSearch);

    public OrderKey[] FullOrder(ModelSpec model) => NeedsTotalOrder
        ? [.. Order, .. model.Key.Where(k => Order.All(o => !o.IsOwn || o.Field != k)).Select(k => new OrderKey(k, false, Nulls.Default))]
        : Order;

    protected IEnumerable<string> Parts(ModelSpec model)
    {
        if (Where != null) yield return $".Where(x => {Where})";
        foreach (var o in FullOrder(model)) yield return $".OrderBy(x => {o})";
        if (Skip != null) yield return $".Skip({Skip})";
        if (Take != null) yield return $".Take({Take})";
        if (Omit.Length > 0) yield return ".Omit(x => [" + string.Join(", ", Omit.Select(o => "x." + o.Name)) + "])";
        foreach (var i in Includes) yield return $".Include(x => x.{i})";
        foreach (var c in Counts) yield return $".IncludeCount(x => x.{c})";
    }
}

/// <summary>An include with its own refinements (a to-one include takes only omit and nested includes).</summary>
public sealed record IncludeCase(RelationSpec Relation) : RowsCase
{
    public override string ToString() => Relation.Name + string.Concat(Parts(Relation.Target()));
}

/// <summary>A generated FindMany: the rows case plus a cursor and distinct.</summary>
public sealed record QueryCase(ModelSpec Model) : RowsCase
{
    public object?[]? Cursor { get; init; }
    public ScalarSpec[] Distinct { get; init; } = [];

    public override bool NeedsTotalOrder => base.NeedsTotalOrder || Cursor != null || Distinct.Length > 0;

    public override string ToString()
    {
        var text = "db." + Model.Name + "s" + string.Concat(Parts(Model));
        if (Cursor != null) text += ".Cursor(x => key(" + string.Join(", ", Cursor.Select(CaseText.Value)) + "))";
        if (Distinct.Length > 0) text += ".Distinct(x => [" + string.Join(", ", Distinct.Select(d => "x." + d.Name)) + "])";
        return text;
    }
}
