using System.Collections;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata.Execution;

/// <summary>
/// Loads included relations one query per relation level for all parents at once (never one
/// per parent): <c>WHERE fk IN (parent keys)</c>, with per-parent paging done by a window.
/// Many-to-many relations read the join table first, then the related records.
/// </summary>
internal static class IncludeLoader
{
    public static async Task LoadAsync(StrataContext context, ModelInfo model, IList parents, Include[] includes, CancellationToken cancellationToken)
    {
        if (parents.Count == 0)
        {
            WriteUnloaded(context.Dialect, includes);
            return;
        }
        foreach (var include in includes)
        {
            if (include is CountInclude) await LoadCountsAsync(context, parents, include, cancellationToken).ConfigureAwait(false);
            else if (include.Relation.JoinTable != null) await LoadManyToManyAsync(context, parents, include, cancellationToken).ConfigureAwait(false);
            else await LoadDirectAsync(context, parents, include, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task LoadDirectAsync(StrataContext context, IList parents, Include include, CancellationToken cancellationToken)
    {
        var relation = include.Relation;
        var target = relation.Target;
        var keys = DistinctKeys(parents, relation.LocalColumns, canonical: false);
        if (keys.Count == 0) WriteUnloaded(context.Dialect, [include]);
        var children = keys.Count == 0 ? target.Reader.NewList() : await QueryChildrenAsync(context, target, relation.TargetColumns, include.State, keys, cancellationToken).ConfigureAwait(false);

        var groups = new Dictionary<object, IList>(keys.Count);
        // Each parent's list starts with room for the average share, instead of growing from empty.
        int share = keys.Count == 0 ? 0 : (children.Count + keys.Count - 1) / keys.Count;
        foreach (IStrataEntity child in children)
        {
            var key = Keys.Of(child, relation.TargetColumns, canonical: false);
            if (key == null) continue;
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = target.Reader.NewList(share);
            group.Add(child);
        }
        foreach (IStrataEntity parent in parents)
        {
            var key = Keys.Of(parent, relation.LocalColumns, canonical: false);
            IList? group = key == null ? null : groups.GetValueOrDefault(key);
            if (relation.IsList) parent.SetRelationValue(relation.Index, group ?? target.Reader.NewList());
            else parent.SetRelationValue(relation.Index, group is { Count: > 0 } ? group[0] : null);
        }
    }

    /// <summary>The records of <paramref name="target"/> whose <paramref name="keyColumns"/> hold one of <paramref name="keys"/>, with the include's state applied.</summary>
    private static async Task<IList> QueryChildrenAsync(StrataContext context, ModelInfo target, int[] keyColumns, QueryState state, List<object> keys, CancellationToken cancellationToken)
    {
        var joinColumns = keyColumns.Select(c => target.Columns[c]).ToArray();
        var childState = state;
        if (childState.Omitted != null)
        {
            var omitted = childState.Omitted.ToArray();
            foreach (var c in keyColumns) omitted[c] = false;
            childState = childState with { Omitted = omitted };
        }
        childState = ReadOperations.WithKeyColumns(target, childState);
        var prepared = PreparedSelect.From(target, childState);
        IList values = joinColumns.Length == 1 ? keys : keys.Select(k => ((Keys.CompoundKey)k).Parts).ToList();
        var parents = new ParentKeys(joinColumns, values);
        var statement = context.Build(w => SelectSql.Write(w, target, prepared, parents));
        var children = await Runner.QueryUntypedAsync(context, target, statement, childState.Columns, cancellationToken).ConfigureAwait(false);
        if (childState.Includes.Length > 0)
            await LoadAsync(context, target, children, childState.Includes, cancellationToken).ConfigureAwait(false);
        return children;
    }

    private static async Task LoadManyToManyAsync(StrataContext context, IList parents, Include include, CancellationToken cancellationToken)
    {
        var relation = include.Relation;
        var join = relation.JoinTable!;
        var target = relation.Target;
        var keys = DistinctKeys(parents, relation.LocalColumns, canonical: true);
        var links = keys.Count == 0 ? [] : await Runner.QueryRowsAsync(context, context.Build(w => JoinTableSql.SelectLinks(w, join, keys)), 2, cancellationToken).ConfigureAwait(false);

        var targetKeys = links.Select(l => l[1]!).Distinct().ToList();
        var related = new Dictionary<object, IStrataEntity>();
        if (targetKeys.Count > 0)
        {
            var state = include.State with { Skip = null, Take = null };
            var children = await QueryChildrenAsync(context, target, relation.TargetColumns, state, targetKeys, cancellationToken).ConfigureAwait(false);
            int position = 0;
            var order = new Dictionary<object, int>();
            foreach (IStrataEntity child in children)
            {
                var key = Keys.Of(child, relation.TargetColumns)!;
                related[key] = child;
                order[key] = position++;
            }
            // Keep the include's order within each parent; page per parent in memory.
            var byParent = links.GroupBy(l => l[0]!).ToDictionary(g => g.Key, g => g.Select(l => l[1]!).Where(order.ContainsKey).OrderBy(k => order[k]).ToList());
            foreach (IStrataEntity parent in parents)
            {
                var key = Keys.Of(parent, relation.LocalColumns);
                var ids = key != null ? byParent.GetValueOrDefault(key) : null;
                var list = target.Reader.NewList(ids?.Count ?? 0);
                if (ids != null)
                {
                    IEnumerable<object> page = ids;
                    if (include.State.Skip is int skip) page = page.Skip(skip);
                    if (include.State.Take is int take) page = page.Take(take);
                    foreach (var id in page) list.Add(related[id]);
                }
                parent.SetRelationValue(relation.Index, list);
            }
            return;
        }
        WriteUnloaded(context.Dialect, [include]);
        foreach (IStrataEntity parent in parents) parent.SetRelationValue(relation.Index, target.Reader.NewList());
    }

    /// <summary>
    /// Writes, and throws away, the filters of includes that load nothing (no parents, or no keys to look up), so
    /// that a filter the database cannot take (full-text search on MySQL, P2009) is refused whatever the data, as
    /// it is when the include runs. The SQL of the includes that run is written once per shape and cached; this
    /// only runs where nothing else does.
    /// </summary>
    private static void WriteUnloaded(SqlDialect dialect, IEnumerable<Include> includes)
    {
        foreach (var include in includes)
        {
            include.State.Where?.Write(new SqlWriter(dialect), "t");
            WriteUnloaded(dialect, include.State.Includes);
        }
    }

    /// <summary>The number of related records of each parent, by one grouped count for all parents; a parent without any gets 0.</summary>
    private static async Task LoadCountsAsync(StrataContext context, IList parents, Include include, CancellationToken cancellationToken)
    {
        var relation = include.Relation;
        var keys = DistinctKeys(parents, relation.LocalColumns, canonical: true);
        int width = relation.JoinTable != null ? 1 : relation.TargetColumns.Length;
        if (keys.Count == 0) WriteUnloaded(context.Dialect, [include]);
        var rows = keys.Count == 0 ? []
            : await Runner.QueryRowsAsync(context, context.Build(w => CountSql.Write(w, relation, include.State.Where, keys)), width + 1, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<object, int>(rows.Count);
        foreach (var row in rows)
        {
            object key = width == 1 ? row[0]! : new Keys.CompoundKey(row[..width]);
            counts[key] = checked((int)Convert.ToInt64(row[width], System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (IStrataEntity parent in parents)
        {
            var key = Keys.Of(parent, relation.LocalColumns);
            parent.SetRelationCount(relation.Index, key != null && counts.TryGetValue(key, out var count) ? count : 0);
        }
    }

    private static List<object> DistinctKeys(IList parents, int[] columns, bool canonical)
    {
        var seen = new HashSet<object>(parents.Count);
        var keys = new List<object>(parents.Count);
        foreach (IStrataEntity parent in parents)
        {
            var key = Keys.Of(parent, columns, canonical);
            if (key != null && seen.Add(key)) keys.Add(key);
        }
        return keys;
    }
}
