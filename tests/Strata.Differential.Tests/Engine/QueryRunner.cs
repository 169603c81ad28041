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
        var query = (TSelf)all;
        if (c.Where != null) query = query.Where(w => c.Where.Build(w));
        foreach (var o in c.FullOrder(c.Model)) query = query.OrderBy(f => o.Build(f));
        if (c.Cursor != null) query = query.Cursor(u => c.Model.Cursor(u, c.Cursor));
        if (c.Distinct.Length > 0) query = query.Distinct(f => c.Distinct.Select(d => d.Field(f)).ToArray());
        if (c.Skip is int skip) query = query.Skip(skip);
        if (c.Take is int take) query = query.Take(take);
        int count = await query.CountAsync();
        if (c.Omit.Length > 0) query = query.Omit(f => c.Omit.Select(o => o.Field(f)).ToArray());
        foreach (var include in c.Includes) query = query.Include(i => include.Relation.Include(i, include));
        var rows = await query.FindManyAsync();
        return (rows.Cast<object>().ToList(), count);
    }
}
