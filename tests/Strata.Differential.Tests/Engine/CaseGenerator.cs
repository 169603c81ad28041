
namespace Strata.Differential.Engine;

/// <summary>
/// Generates random queries over the world: filter trees over every operator (scalar, text with
/// and without case, In/NotIn lists, null, full-text search, Json equality and paths, relation some/every/none/is/isNot/exists, nested,
/// &amp;&amp; || !), orderings with nulls first/last, skip/take (also negative), cursors,
/// distinct, omit, and includes nested to three levels, each with its own where/order/skip/take.
/// </summary>
/// <param name="random">The source of every choice.</param>
/// <param name="data">The in-memory data (cursors name its rows).</param>
/// <param name="roots">The models queries start from, each with how often (a weight).</param>
public sealed class CaseGenerator(Random random, object data, params (ModelSpec Model, int Weight)[] roots)
{
    private readonly Random _r = random;

    public QueryCase Query()
    {
        int pick = _r.Next(roots.Sum(r => r.Weight));
        var model = roots.SkipWhile(r => (pick -= r.Weight) >= 0).First().Model;
        var distinct = Chance(10) ? Some(model.Scalars.Where(s => s.Orderable).ToArray(), 1, 2) : [];
        int? take = Chance(40) ? _r.Next(distinct.Length > 0 ? 0 : -4, 8) : null;
        var order = Order(model);
        return new QueryCase(model)
        {
            Where = Chance(80) ? Cond(model, 0) : null,
            Order = order,
            Skip = Chance(30) ? _r.Next(0, 5) : null,
            Take = take,
            Cursor = Chance(15) && order.All(o => o.IsOwn) ? CursorKey(model) : null,
            Distinct = distinct,
            Omit = Chance(20) ? Some(model.Scalars.Where(s => !model.Key.Contains(s)).ToArray(), 1, 2) : [],
            Includes = Chance(45) ? Includes(model, 1) : [],
            Counts = Chance(25) ? Counts(model) : [],
        };
    }

    public Cond Cond(ModelSpec model, int depth)
    {
        int roll = _r.Next(100);
        if (depth < 3 && roll < 12)
            return new AndCond(_r.Next(2) == 0, Enumerable.Range(0, _r.Next(2, 4)).Select(_ => Cond(model, depth + 1)).ToArray());
        if (depth < 3 && roll < 18) return new NotCond(Cond(model, depth + 1));
        if (depth < 2 && roll < 34 && model.Relations.Length > 0) return Relation(model, depth);
        if (roll == 99) return new ConstCond(_r.Next(2) == 0);
        // Json filters have many shapes: a model with a Json field gets them more often than its share of fields.
        if (roll >= 85 && model.Scalars.FirstOrDefault(s => s.Json != null) is { } json) return JsonCases.Generate(_r, json);
        return Scalar(Pick(model.Scalars));
    }

    private Cond Relation(ModelSpec model, int depth)
    {
        var relation = Pick(model.Relations);
        var target = relation.Target();
        if (relation.IsList)
        {
            var test = Pick(new[] { RelTest.Some, RelTest.Every, RelTest.None });
            var inner = test == RelTest.Every || Chance(80) ? Cond(target, depth + 1) : null;
            return new RelCond(relation, test, inner);
        }
        if (Chance(20)) return new RelCond(relation, RelTest.Exists, null);
        return new RelCond(relation, Pick(new[] { RelTest.Is, RelTest.IsNot }), Cond(target, depth + 1));
    }

    private Cond Scalar(ScalarSpec field)
    {
        if (field.Json != null && Chance(75)) return JsonCases.Generate(_r, field);
        if (field.Search != null && Chance(12)) return SearchCond.Generate(_r, field);
        var op = Pick(field.Operators);
        bool insensitive = field.Kind == ValueKind.Text && Chance(40);
        object? value;
        if (field.Kind == ValueKind.List)
            value = op switch
            {
                Op.Has => Pick(field.Pool),
                Op.IsEmpty => Chance(50),
                // HasSome/HasEvery take a set; equality a list in order (repeats allowed).
                Op.Eq => CaseText.ListOf(Enumerable.Range(0, _r.Next(0, 3)).Select(_ => Pick(field.Pool)), field.Pool[0].GetType()),
                _ => CaseText.ListOf(Enumerable.Range(0, _r.Next(0, 3)).Select(_ => Pick(field.Pool)).Distinct(), field.Pool[0].GetType()),
            };
        else if (field.Kind == ValueKind.Json || ((op is Op.Eq or Op.Ne) && field.Optional && Chance(25)))
            value = null;
        else if (op is Op.In or Op.NotIn)
            value = CaseText.ListOf(Chance(10) ? [] : Enumerable.Range(0, _r.Next(1, 4)).Select(_ => Pick(field.Pool)).Distinct(), field.Pool[0].GetType());
        else if (op is Op.Contains or Op.StartsWith or Op.EndsWith)
        {
            var text = (string)Pick(field.Pool);
            int start = text.Length == 0 ? 0 : _r.Next(text.Length), length = _r.Next(0, Math.Min(4, text.Length - start) + 1);
            value = Chance(30) ? text : text.Substring(start, length);
        }
        else value = Pick(field.Pool);
        return new ScalarCond(field, op, value, insensitive);
    }

    private OrderKey[] Order(ModelSpec model)
    {
        if (!Chance(60)) return [];
        var fields = Some(model.Scalars.Where(s => s.Orderable).ToArray(), 1, 3);
        var keys = fields.Select(f => new OrderKey(f, Chance(50), Chance(70) ? Nulls.Default : Pick(new[] { Nulls.First, Nulls.Last }))).ToList();
        if (Chance(30)) keys.Insert(_r.Next(keys.Count + 1), RelationKey(model, 0));
        return keys.ToArray();
    }

    /// <summary>An order key through a relation: a list relation's count, or a to-one relation's field (or, nested, its relations).</summary>
    private OrderKey RelationKey(ModelSpec model, int depth)
    {
        var lists = model.Relations.Where(r => r.IsList).ToArray();
        var ones = model.Relations.Where(r => !r.IsList).ToArray();
        if (ones.Length > 0 && (lists.Length == 0 || Chance(50)))
        {
            var hop = Pick(ones);
            var target = hop.Target();
            var inner = depth < 1 && Chance(30) ? RelationKey(target, depth + 1)
                : new OrderKey(Pick(target.Scalars.Where(s => s.Orderable).ToArray()), Chance(50), Chance(70) ? Nulls.Default : Pick(new[] { Nulls.First, Nulls.Last }));
            return inner with { Via = [hop, .. inner.Via] };
        }
        if (lists.Length == 0) return new OrderKey(model.Key[0], Chance(50), Nulls.Default);
        return new OrderKey(model.Key[0], Chance(50), Nulls.Default) { Count = Pick(lists) };
    }

    private object?[] CursorKey(ModelSpec model)
    {
        var rows = model.Rows(data).ToList();
        if (rows.Count == 0 || Chance(10)) return model.Key.Select(_ => (object?)999_999).ToArray();
        var row = rows[_r.Next(rows.Count)];
        return model.Key.Select(k => k.Get(row)).ToArray();
    }

    /// <summary>One or two list relations to count, each with a filter or none.</summary>
    private IncludeCase[] Counts(ModelSpec model)
    {
        var lists = model.Relations.Where(r => r.IsList).ToArray();
        if (lists.Length == 0) return [];
        return Some(lists, 1, 2).Select(r => new IncludeCase(r) { Where = Chance(50) ? Cond(r.Target(), 1) : null }).ToArray();
    }

    private IncludeCase[] Includes(ModelSpec model, int depth)
    {
        var relations = Some(model.Relations, 1, 2);
        return relations.Select(relation =>
        {
            var target = relation.Target();
            var include = new IncludeCase(relation)
            {
                Omit = Chance(15) ? Some(target.Scalars.Where(s => !target.Key.Contains(s)).ToArray(), 1, 1) : [],
                Includes = depth < 3 && Chance(35) ? Includes(target, depth + 1) : [],
            };
            if (!relation.IsList) return include;
            return include with
            {
                Where = Chance(40) ? Cond(target, 1) : null,
                Order = Chance(40) ? Order(target) : [],
                Skip = Chance(20) ? _r.Next(0, 3) : null,
                Take = Chance(30) ? _r.Next(0, 4) : null,
            };
        }).ToArray();
    }

    private bool Chance(int percent) => _r.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    private T[] Some<T>(T[] items, int min, int max)
    {
        if (items.Length == 0) return [];
        int count = Math.Min(items.Length, _r.Next(min, max + 1));
        return items.OrderBy(_ => _r.Next()).Take(count).ToArray();
    }
}
