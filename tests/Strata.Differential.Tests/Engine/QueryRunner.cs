using Strata.Writes;

namespace Strata.Differential.Engine;

/// <summary>Runs a generated query through the generated client, as a user writes it.</summary>
public static class QueryRunner
{
    /// <summary>The rows of FindMany, and CountAsync of the same query without includes and omit.</summary>
    public static async Task<(List<object> Rows, int Count)> RunAsync<TSelf, TE, TW, TF, TI, TU, TC, TUp>(Query<TSelf, TE, TW, TF, TI, TU, TC, TUp> all, QueryCase c)
        where TSelf : Query<TSelf, TE, TW, TF, TI, TU, TC, TUp>
        where TE : class, Metadata.IStrataEntity
        where TW : IProxy<TW> where TF : IProxy<TF> where TI : IProxy<TI> where TU : IProxy<TU>
        where TC : WriteInput where TUp : WriteInput
    {
        var query = Rows(all, c);
        int count = await query.CountAsync();
        if (c.Omit.Length > 0) query = query.Omit(f => c.Omit.Select(o => o.Field(f)).ToArray());
        foreach (var include in c.Includes) query = query.Include(i => include.Relation.Include(i, include));
        foreach (var counted in c.Counts) query = query.IncludeCount(i => counted.Relation.Include(i, counted));
        var rows = await query.FindManyAsync();
        return (rows.Cast<object>().ToList(), count);
    }

    /// <summary>The query's rows run as a Select of <paramref name="select"/>'s projection.</summary>
    public static Task<List<string>> SelectAsync<TSelf, TE, TW, TF, TI, TU, TC, TUp>(Query<TSelf, TE, TW, TF, TI, TU, TC, TUp> all, QueryCase c, Func<TSelf, SelectQuery<TE, TU, string>> select)
        where TSelf : Query<TSelf, TE, TW, TF, TI, TU, TC, TUp>
        where TE : class, Metadata.IStrataEntity
        where TW : IProxy<TW> where TF : IProxy<TF> where TI : IProxy<TI> where TU : IProxy<TU>
        where TC : WriteInput where TUp : WriteInput => select(Rows(all, c)).FindManyAsync();

    /// <summary>The case's filter, order, cursor, distinct and paging on the model's query.</summary>
    private static TSelf Rows<TSelf, TE, TW, TF, TI, TU, TC, TUp>(Query<TSelf, TE, TW, TF, TI, TU, TC, TUp> all, QueryCase c)
        where TSelf : Query<TSelf, TE, TW, TF, TI, TU, TC, TUp>
        where TE : class, Metadata.IStrataEntity
        where TW : IProxy<TW> where TF : IProxy<TF> where TI : IProxy<TI> where TU : IProxy<TU>
        where TC : WriteInput where TUp : WriteInput
    {
        var query = (TSelf)all;
        if (c.Where != null) query = query.Where(w => c.Where.Build(w));
        foreach (var o in c.FullOrder(c.Model)) query = query.OrderBy(f => o.Build(f));
        if (c.Cursor != null) query = query.Cursor(u => c.Model.Cursor(u, c.Cursor));
        if (c.Distinct.Length > 0) query = query.Distinct(f => c.Distinct.Select(d => d.Field(f)).ToArray());
        if (c.Skip is int skip) query = query.Skip(skip);
        if (c.Take is int take) query = query.Take(take);
        return query;
    }

    /// <summary>A generated aggregate or group case, each result row the list of values its selector read.</summary>
    public static async Task<List<List<object?>>> AggregateAsync<TSelf, TE, TW, TF, TI, TU, TC, TUp>(Query<TSelf, TE, TW, TF, TI, TU, TC, TUp> all, AggregateCase c)
        where TSelf : Query<TSelf, TE, TW, TF, TI, TU, TC, TUp>
        where TE : class, Metadata.IStrataEntity
        where TW : IProxy<TW> where TF : IProxy<TF> where TI : IProxy<TI> where TU : IProxy<TU>
        where TC : WriteInput where TUp : WriteInput
    {
        var query = (TSelf)all;
        if (c.Where != null) query = query.Where(w => c.Where.Build(w));
        List<object?> Select(Aggregates<TF> a) => c.Terms.Select(t => t.Field == null ? a.Count() : t.Field.Aggregate!(a, t.Agg)).ToList();
        if (c.By.Length == 0)
        {
            foreach (var o in c.FullOrder(c.Model)) query = query.OrderBy(f => o.Build(f));
            if (c.Skip is int skip) query = query.Skip(skip);
            if (c.Take is int take) query = query.Take(take);
            return [await query.AggregateAsync(Select)];
        }
        var groups = query.GroupBy(f => c.By.Select(b => b.Field(f)).ToArray());
        if (c.MinCount is int n) groups = groups.Having(g => g.Count() >= n);
        if (c.OrderGroups)
        {
            foreach (var b in c.By) groups = groups.OrderBy(g => g.Key(f => new FieldRef<object?>(b.Field(f).Column)));
        }
        if (c.TakeGroups is int takeGroups) groups = groups.Take(takeGroups);
        return await groups.SelectAsync(g => c.By.Select(b => b.Key!(g)).Concat(Select(g)).ToList());
    }
}
