
namespace Strata.Differential.Engine;

/// <summary>
/// Builds the specs of a model's fields and relations from its generated proxies. Each filter is
/// built by the proxy operators a user writes (<c>x.Age &gt;= 18</c>, <c>x.Name.Insensitive.Contains("a")</c>).
/// </summary>
/// <typeparam name="TIndex">The in-memory data's index, which relations are looked up in.</typeparam>
/// <typeparam name="TE">The entity.</typeparam>
/// <typeparam name="TW">The where proxy.</typeparam>
/// <typeparam name="TF">The fields proxy.</typeparam>
/// <typeparam name="TI">The include proxy.</typeparam>
/// <typeparam name="TS">The select proxy.</typeparam>
public static class SpecBuilder<TIndex, TE, TW, TF, TI, TS> where TE : class where TF : IProxy<TF> where TS : SelectProxy
{
    public static ScalarSpec Value<T>(string name, ValueKind kind, Func<TE, T> get, Func<TW, ValueField<T>> where, Func<TF, FieldRef> field, Func<TS, T> select, T[] pool) where T : struct => new()
    {
        Name = name, Kind = kind, Optional = false, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = pool.Cast<object>().ToArray(),
        Aggregate = Aggregates<T>(field), Key = ValueKey<T>(field),
        Build = (w, op, v, _) =>
        {
            var f = where((TW)w);
            return op switch
            {
                Op.Eq => f == (T)v!, Op.Ne => f != (T)v!, Op.Lt => f < (T)v!, Op.Le => f <= (T)v!, Op.Gt => f > (T)v!, Op.Ge => f >= (T)v!,
                Op.In => f.In(CaseText.Items<T>(v)), Op.NotIn => f.NotIn(CaseText.Items<T>(v)),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            };
        },
    };

    public static ScalarSpec Nullable<T>(string name, ValueKind kind, Func<TE, T?> get, Func<TW, NullableValueField<T>> where, Func<TF, FieldRef> field, Func<TS, T?> select, T[] pool) where T : struct => new()
    {
        Name = name, Kind = kind, Optional = true, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = pool.Cast<object>().ToArray(),
        Aggregate = Aggregates<T>(field), Key = ValueKey<T>(field),
        Build = (w, op, v, _) =>
        {
            var f = where((TW)w);
            return op switch
            {
                Op.Eq => f == (T?)v, Op.Ne => f != (T?)v, Op.Lt => f < (T)v!, Op.Le => f <= (T)v!, Op.Gt => f > (T)v!, Op.Ge => f >= (T)v!,
                Op.In => f.In(CaseText.Items<T>(v)), Op.NotIn => f.NotIn(CaseText.Items<T>(v)),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            };
        },
    };

    public static ScalarSpec Text(string name, bool optional, Func<TE, string?> get, Func<TW, StringField> where, Func<TF, FieldRef> field, Func<TS, string?> select, string[] pool) => new()
    {
        Name = name, Kind = ValueKind.Text, Optional = optional, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = pool.Cast<object>().ToArray(),
        Aggregate = (a, agg) => agg switch
        {
            Agg.Min => ((Aggregates<TF>)a).Min(f => new FieldRef<string?>(field(f).Column)),
            Agg.Max => ((Aggregates<TF>)a).Max(f => new FieldRef<string?>(field(f).Column)),
            _ => Count(a, agg, field),
        },
        Key = g => ((Group<TF>)g).Key(f => new FieldRef<string?>(field(f).Column)),
        Search = (w, query, syntax) => where((TW)w).Search(query, syntax, "simple"),
        Build = (w, op, v, insensitive) =>
        {
            var f = where((TW)w);
            if (insensitive)
            {
                var i = f.Insensitive;
                return op switch
                {
                    Op.Eq => i == (string?)v, Op.Ne => i != (string?)v, Op.Lt => i < (string)v!, Op.Le => i <= (string)v!, Op.Gt => i > (string)v!, Op.Ge => i >= (string)v!,
                    Op.In => i.In(CaseText.Items<string>(v)), Op.NotIn => i.NotIn(CaseText.Items<string>(v)),
                    Op.Contains => i.Contains((string)v!), Op.StartsWith => i.StartsWith((string)v!), _ => i.EndsWith((string)v!),
                };
            }
            return op switch
            {
                Op.Eq => f == (string?)v, Op.Ne => f != (string?)v, Op.Lt => f < (string)v!, Op.Le => f <= (string)v!, Op.Gt => f > (string)v!, Op.Ge => f >= (string)v!,
                Op.In => f.In(CaseText.Items<string>(v)), Op.NotIn => f.NotIn(CaseText.Items<string>(v)),
                Op.Contains => f.Contains((string)v!), Op.StartsWith => f.StartsWith((string)v!), _ => f.EndsWith((string)v!),
            };
        },
    };

    public static ScalarSpec List<T>(string name, Func<TE, List<T>> get, Func<TW, ListField<T>> where, Func<TF, FieldRef> field, Func<TS, List<T>> select, T[] elements) => new()
    {
        Name = name, Kind = ValueKind.List, Optional = false, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = elements.Cast<object>().ToArray()!,
        Build = (w, op, v, _) =>
        {
            var f = where((TW)w);
            return op switch
            {
                Op.Has => f.Has((T)v!),
                Op.HasSome => f.HasSome(CaseText.Items<T>(v)),
                Op.HasEvery => f.HasEvery(CaseText.Items<T>(v)),
                Op.IsEmpty => f.IsEmpty((bool)v!),
                Op.Eq => f == CaseText.Items<T>(v),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            };
        },
    };

    public static ScalarSpec Bool(string name, Func<TE, bool> get, Func<TW, BoolField> where, Func<TF, FieldRef> field, Func<TS, bool> select) => new()
    {
        Name = name, Kind = ValueKind.Bool, Optional = false, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = [true, false],
        Aggregate = Aggregates<bool>(field), Key = ValueKey<bool>(field),
        // A Boolean field alone is a filter, and ! negates it; == and != compare.
        Build = (w, op, v, _) => op == Op.Eq ? ((bool)v! ? where((TW)w) : !where((TW)w)) : where((TW)w) != (bool?)v,
    };

    public static ScalarSpec Enum<T>(string name, bool optional, Func<TE, T?> get, Func<TW, EnumField<T>> where, Func<TF, FieldRef> field, Func<TS, T?> select) where T : struct, System.Enum => new()
    {
        Name = name, Kind = ValueKind.Enum, Optional = optional, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = System.Enum.GetValues<T>().Cast<object>().ToArray(),
        Aggregate = Aggregates<T>(field), Key = ValueKey<T>(field),
        Build = (w, op, v, _) =>
        {
            var f = where((TW)w);
            return op switch
            {
                Op.Eq => f == (T?)v, Op.Ne => f != (T?)v,
                Op.In => f.In(CaseText.Items<T>(v)), Op.NotIn => f.NotIn(CaseText.Items<T>(v)),
                _ => throw new ArgumentOutOfRangeException(nameof(op)),
            };
        },
    };

    public static ScalarSpec Object<T>(string name, ValueKind kind, Func<TE, T?> get, Func<TW, ObjectField<T>> where, Func<TF, FieldRef> field, Func<TS, T?> select, T[] pool) where T : class => new()
    {
        Name = name, Kind = kind, Optional = true, Get = e => get((TE)e), Selected = p => select((TS)p), Field = f => field((TF)f), Pool = pool.Cast<object>().ToArray(),
        Build = (w, op, v, _) => op == Op.Eq ? where((TW)w) == (T?)v : where((TW)w) != (T?)v,
    };

    /// <summary>An optional Json field: == null / != null here, Prisma's Json filters through <see cref="JsonCond"/> over the pool's documents.</summary>
    public static ScalarSpec Json(string name, Func<TE, System.Text.Json.Nodes.JsonNode?> get, Func<TW, JsonField> where, Func<TF, FieldRef> field,
        Func<TS, System.Text.Json.Nodes.JsonNode?> select, System.Text.Json.Nodes.JsonNode[] documents) => new()
    {
        Name = name, Kind = ValueKind.Json, Optional = true, Get = e => get((TE)e), Field = f => field((TF)f), Selected = p => select((TS)p), Pool = documents, Json = w => where((TW)w),
        Build = (w, op, v, _) => op == Op.Eq ? where((TW)w) == (System.Text.Json.Nodes.JsonNode?)v : where((TW)w) != (System.Text.Json.Nodes.JsonNode?)v,
    };

    /// <summary>The aggregates of a field of struct type <typeparamref name="T"/>, called on the proxy a user's selector gets (Sum and Avg by the numeric type's own overload).</summary>
    private static Func<object, Agg, object?> Aggregates<T>(Func<TF, FieldRef> field) where T : struct => (a, agg) =>
    {
        var g = (Aggregates<TF>)a;
        return agg switch
        {
            Agg.Min => g.Min<T>(f => new FieldRef<T?>(field(f).Column)),
            Agg.Max => g.Max<T>(f => new FieldRef<T?>(field(f).Column)),
            Agg.Sum when typeof(T) == typeof(int) => g.Sum(f => new FieldRef<int?>(field(f).Column)),
            Agg.Sum when typeof(T) == typeof(long) => g.Sum(f => new FieldRef<long?>(field(f).Column)),
            Agg.Sum when typeof(T) == typeof(double) => g.Sum(f => new FieldRef<double?>(field(f).Column)),
            Agg.Sum when typeof(T) == typeof(decimal) => g.Sum(f => new FieldRef<decimal?>(field(f).Column)),
            Agg.Avg when typeof(T) == typeof(int) => g.Avg(f => new FieldRef<int?>(field(f).Column)),
            Agg.Avg when typeof(T) == typeof(long) => g.Avg(f => new FieldRef<long?>(field(f).Column)),
            Agg.Avg when typeof(T) == typeof(double) => g.Avg(f => new FieldRef<double?>(field(f).Column)),
            Agg.Avg when typeof(T) == typeof(decimal) => g.Avg(f => new FieldRef<decimal?>(field(f).Column)),
            Agg.Sum or Agg.Avg => throw new InvalidOperationException($"{typeof(T).Name} is not summed."),
            _ => Count(a, agg, field),
        };
    };

    private static object? Count(object a, Agg agg, Func<TF, FieldRef> field) => agg switch
    {
        Agg.Count => ((Aggregates<TF>)a).Count(f => field(f)),
        Agg.CountDistinct => ((Aggregates<TF>)a).CountDistinct(f => field(f)),
        _ => throw new InvalidOperationException($"{agg} does not apply to this field."),
    };

    private static Func<object, object?> ValueKey<T>(Func<TF, FieldRef> field) where T : struct =>
        g => ((Group<TF>)g).Key(f => new FieldRef<T?>(field(f).Column));

    public static RelationSpec Many<TTS, TTW, TTF, TTI>(string name, Func<ModelSpec> target, Func<TIndex, TE, IEnumerable<object>> related,
        Func<TW, ListRelationField<TTW>> filter, Func<TI, IncludeMany<TTW, TTF, TTI>> include, Func<TF, RelationOrder> order, Func<TE, object?> included,
        Func<TS, SelectMany<TTS, TTW, TTF>> select, Func<TE, int?> counted)
        where TTS : SelectProxy where TTW : IProxy<TTW> where TTF : IProxy<TTF> where TTI : IProxy<TTI> => new()
    {
        Select = (p, c, row) => Refine(select((TS)p), c).Select(x => row(x)),
        SelectCount = (p, c) => (c.Where == null ? select((TS)p) : select((TS)p).Where(w => c.Where.Build(w))).Count(),
        Name = name, IsList = true, Target = target, Related = (index, row) => related((TIndex)index, (TE)row), Included = e => included((TE)e),
        Counted = e => counted((TE)e), OrderCount = f => order((TF)f).Count(),
        Filter = (w, test, inner) =>
        {
            var f = filter((TW)w);
            Func<TTW, Filter>? where = inner == null ? null : x => inner(x);
            return test switch
            {
                RelTest.Some => f.Some(where),
                RelTest.Every => f.Every(where ?? (_ => Strata.Filter.True)),
                _ => f.None(where),
            };
        },
        Include = (i, c) => Refine(include((TI)i), c),
    };

    public static RelationSpec One<TTS, TTW, TTF, TTI>(string name, Func<ModelSpec> target, Func<TIndex, TE, IEnumerable<object>> related,
        Func<TW, RelationField<TTW>> filter, Func<TI, IncludeOne<TTF, TTI>> include, Func<TF, ToOneOrder<TTF>> order, Func<TE, object?> included,
        Func<TS, SelectOne<TTS>> select)
        where TTS : SelectProxy where TTW : IProxy<TTW> where TTF : IProxy<TTF> where TTI : IProxy<TTI> => new()
    {
        Select = (p, c, row) => select((TS)p).Select(x => row(x)),
        Name = name, IsList = false, Target = target, Related = (index, row) => related((TIndex)index, (TE)row), Included = e => included((TE)e),
        OrderVia = (f, inner) => order((TF)f).By(x => inner(x)),
        Filter = (w, test, inner) =>
        {
            var f = filter((TW)w);
            return test switch
            {
                RelTest.Is => f.Is(x => inner!(x)),
                RelTest.IsNot => f.IsNot(x => inner!(x)),
                _ => f.Exists(),
            };
        },
        Include = (i, c) => Refine(include((TI)i), c),
    };

    private static Include Refine<TTW, TTF, TTI>(IncludeMany<TTW, TTF, TTI> include, IncludeCase c)
        where TTW : IProxy<TTW> where TTF : IProxy<TTF> where TTI : IProxy<TTI>
    {
        var target = c.Relation.Target();
        if (c.Where != null) include = include.Where(w => c.Where.Build(w));
        foreach (var o in c.FullOrder(target)) include = include.OrderBy(f => o.Build(f));
        if (c.Skip is int skip) include = include.Skip(skip);
        if (c.Take is int take) include = include.Take(take);
        if (c.Omit.Length > 0) include = include.Omit(f => c.Omit.Select(o => o.Field(f)).ToArray());
        foreach (var nested in c.Includes) include = include.Include(i => nested.Relation.Include(i, nested));
        return include;
    }

    /// <summary>A selected list relation with the include case's where, order and paging, as a user chains them before Select.</summary>
    private static SelectMany<TTS, TTW, TTF> Refine<TTS, TTW, TTF>(SelectMany<TTS, TTW, TTF> relation, IncludeCase c)
        where TTS : SelectProxy where TTW : IProxy<TTW> where TTF : IProxy<TTF>
    {
        var target = c.Relation.Target();
        if (c.Where != null) relation = relation.Where(w => c.Where.Build(w));
        foreach (var o in c.FullOrder(target)) relation = relation.OrderBy(f => o.Build(f));
        if (c.Skip is int skip) relation = relation.Skip(skip);
        if (c.Take is int take) relation = relation.Take(take);
        return relation;
    }

    private static Include Refine<TTF, TTI>(IncludeOne<TTF, TTI> include, IncludeCase c)
        where TTF : IProxy<TTF> where TTI : IProxy<TTI>
    {
        if (c.Omit.Length > 0) include = include.Omit(f => c.Omit.Select(o => o.Field(f)).ToArray());
        foreach (var nested in c.Includes) include = include.Include(i => nested.Relation.Include(i, nested));
        return include;
    }
}
