using System.Collections;
using static Strata.Differential.Engine.TriLogic;

namespace Strata.Differential.Engine;

/// <summary>
/// A generated filter: it builds the Strata filter through the generated proxies, evaluates itself
/// over in-memory rows with SQL's three-valued logic (the oracle), prints as the C# a user would
/// write, and offers smaller filters for shrinking a failure.
/// </summary>
public abstract record Cond
{
    public abstract Filter Build(object where);

    public abstract Tri Eval(object world, object row, Semantics semantics);

    public virtual IEnumerable<Cond> Shrink() => [];

    /// <summary>The filters this one is made of.</summary>
    public virtual IEnumerable<Cond> Children => [];

    /// <summary>
    /// The constant the client's filter algebra makes of this filter as it is built (an empty In is false, an empty
    /// NotIn true, and a constant absorbs its And or Or), or null. What it drops is never written, so never refused.
    /// </summary>
    public virtual bool? Folded => null;

    /// <summary>True when a full-text search is part of this filter as the client sends it (MySQL refuses it with P2009).</summary>
    public bool UsesSearch => Folded == null && (this is SearchCond || Children.Any(p => p.UsesSearch));
}

public sealed record ConstCond(bool Value) : Cond
{
    public override bool? Folded => Value;

    public override Filter Build(object where) => Value ? Filter.True : Filter.False;

    public override Tri Eval(object world, object row, Semantics semantics) => Of(Value);

    public override string ToString() => Value ? "Filter.True" : "Filter.False";
}

public sealed record AndCond(bool IsAnd, Cond[] Parts) : Cond
{
    public override IEnumerable<Cond> Children => Parts;

    public override bool? Folded => Parts.Any(p => p.Folded == !IsAnd) ? !IsAnd : Parts.All(p => p.Folded == IsAnd) ? IsAnd : null;

    public override Filter Build(object where)
    {
        var filters = Parts.Select(p => p.Build(where)).ToArray();
        return IsAnd ? Filter.And(filters) : Filter.Or(filters);
    }

    public override Tri Eval(object world, object row, Semantics semantics) =>
        Parts.Aggregate(Of(IsAnd), (acc, p) => IsAnd ? And(acc, p.Eval(world, row, semantics)) : Or(acc, p.Eval(world, row, semantics)));

    public override IEnumerable<Cond> Shrink()
    {
        foreach (var p in Parts) yield return p;
        if (Parts.Length > 2)
            for (int i = 0; i < Parts.Length; i++) yield return this with { Parts = [.. Parts[..i], .. Parts[(i + 1)..]] };
        for (int i = 0; i < Parts.Length; i++)
            foreach (var s in Parts[i].Shrink()) yield return this with { Parts = [.. Parts[..i], s, .. Parts[(i + 1)..]] };
    }

    public override string ToString() => "(" + string.Join(IsAnd ? " && " : " || ", Parts.Select(p => p.ToString())) + ")";
}

public sealed record NotCond(Cond Inner) : Cond
{
    public override IEnumerable<Cond> Children => [Inner];

    public override bool? Folded => !Inner.Folded;

    public override Filter Build(object where) => !Inner.Build(where);

    public override Tri Eval(object world, object row, Semantics semantics) => Not(Inner.Eval(world, row, semantics));

    public override IEnumerable<Cond> Shrink() => [Inner, .. Inner.Shrink().Select(s => new NotCond(s))];

    public override string ToString() => "!" + Inner;
}

public sealed record ScalarCond(ScalarSpec Field, Op Op, object? Value, bool Insensitive) : Cond
{
    public override bool? Folded => Field.Kind != ValueKind.List && Op is Op.In or Op.NotIn && Value is IList { Count: 0 } ? Op == Op.NotIn : null;

    public override Filter Build(object where) => Field.Build(where, Op, Value, Insensitive);

    public override Tri Eval(object world, object row, Semantics semantics)
    {
        var x = Field.Get(row);
        if (Field.Kind == ValueKind.List) return EvalList((IList?)x);
        switch (Op)
        {
            case Op.Eq when Value == null: return Of(x == null);
            case Op.Ne when Value == null: return Of(x != null);
            case Op.Ne: return x == null ? Tri.True : Not(Of(Equal(x, Value, semantics)));
            case Op.NotIn:
                // Strata's NotIn holds for null, as != does; an empty list holds for every row.
                return x == null ? Tri.True : Of(!((IList)Value!).Cast<object>().Any(v => Equal(x, v, semantics)));
            case Op.In:
                // x IN () is false even for null x.
                var values = ((IList)Value!).Cast<object>().ToList();
                if (values.Count == 0) return Tri.False;
                return x == null ? Tri.Unknown : Of(values.Any(v => Equal(x, v, semantics)));
        }
        if (x == null) return Tri.Unknown;
        switch (Op)
        {
            case Op.Eq: return Of(Equal(x, Value!, semantics));
            case Op.Contains: return Of(Text(x, semantics).Contains(Text(Value!, semantics), StringComparison.Ordinal));
            case Op.StartsWith: return Of(Text(x, semantics).StartsWith(Text(Value!, semantics), StringComparison.Ordinal));
            case Op.EndsWith: return Of(Text(x, semantics).EndsWith(Text(Value!, semantics), StringComparison.Ordinal));
        }
        int c = x is string a ? Semantics.CompareText(Text(a, semantics), Text(Value!, semantics)) : semantics.Compare(x, Value!);
        return Of(Op switch { Op.Lt => c < 0, Op.Le => c <= 0, Op.Gt => c > 0, _ => c >= 0 });
    }

    /// <summary>Scalar-list filters: a null list leaves each test unknown, except that it counts as empty.</summary>
    private Tri EvalList(IList? list)
    {
        if (Op == Op.IsEmpty) return list == null ? Tri.True : (bool)Value! ? Of(list.Count == 0) : list.Count == 0 ? Tri.False : Tri.True;
        if (list == null) return Tri.Unknown;
        var items = list.Cast<object>().ToList();
        var values = Value is IList given ? given.Cast<object>().ToList() : [];
        return Op switch
        {
            Op.Has => Of(items.Any(i => Semantics.ValueEquals(i, Value!))),
            Op.HasSome => Of(values.Any(v => items.Any(i => Semantics.ValueEquals(i, v)))),
            Op.HasEvery => Of(values.All(v => items.Any(i => Semantics.ValueEquals(i, v)))),
            _ => Of(items.Count == values.Count && items.Zip(values).All(p => Semantics.ValueEquals(p.First, p.Second))),
        };
    }

    private string Text(object value, Semantics semantics) => Insensitive ? semantics.Fold((string)value) : (string)value;

    private bool Equal(object x, object v, Semantics semantics) => x is string s ? Text(s, semantics) == Text(v, semantics) : Semantics.ValueEquals(x, v);

    public override IEnumerable<Cond> Shrink()
    {
        if (Insensitive) yield return this with { Insensitive = false };
        if (Value is IList { Count: > 1 } list)
            yield return this with { Value = CaseText.ListOf(list.Cast<object>().Take(list.Count / 2), list.GetType().GetGenericArguments()[0]) };
    }

    public override string ToString()
    {
        var field = "x." + Field.Name + (Insensitive ? ".Insensitive" : "");
        return Op switch
        {
            Op.Eq when Field.Kind == ValueKind.List => $"{field} == [{CaseText.Value(Value)}]",
            Op.Eq => $"{field} == {CaseText.Value(Value)}",
            Op.Ne => $"{field} != {CaseText.Value(Value)}",
            Op.Lt => $"{field} < {CaseText.Value(Value)}",
            Op.Le => $"{field} <= {CaseText.Value(Value)}",
            Op.Gt => $"{field} > {CaseText.Value(Value)}",
            Op.Ge => $"{field} >= {CaseText.Value(Value)}",
            _ => $"{field}.{Op}({CaseText.Value(Value)})", // In, NotIn, Contains, StartsWith, EndsWith, Has, HasSome, HasEvery, IsEmpty
        };
    }
}

public sealed record RelCond(RelationSpec Relation, RelTest Test, Cond? Inner) : Cond
{
    public override IEnumerable<Cond> Children => Inner == null ? [] : [Inner];

    public override Filter Build(object where) =>
        Relation.Filter(where, Test, Inner == null ? null : w => Inner.Build(w));

    public override Tri Eval(object world, object row, Semantics semantics)
    {
        var related = Relation.Related(world, row);
        Tri Inside(object r) => Inner?.Eval(world, r, semantics) ?? Tri.True;
        return Test switch
        {
            RelTest.Some or RelTest.Is or RelTest.Exists => Of(related.Any(r => Inside(r) == Tri.True)),
            // NOT EXISTS (related AND NOT inner): a related record whose test is unknown does not break "every".
            RelTest.Every => Of(!related.Any(r => Inside(r) == Tri.False)),
            _ => Of(!related.Any(r => Inside(r) == Tri.True)),
        };
    }

    public override IEnumerable<Cond> Shrink()
    {
        if (Inner == null) yield break;
        if (Test is not (RelTest.Every or RelTest.Is or RelTest.IsNot)) yield return this with { Inner = null };
        foreach (var s in Inner.Shrink()) yield return this with { Inner = s };
    }

    public override string ToString() => Test == RelTest.Exists
        ? $"x.{Relation.Name}.Exists()"
        : $"x.{Relation.Name}.{Test}({(Inner == null ? "" : "x => " + Inner.ToString())})";
}
