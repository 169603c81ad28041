using Strata.Metadata;
using Strata.Queries;

namespace Strata.Execution;

/// <summary>Finds, counts and streams records, then loads their includes.</summary>
internal static class ReadOperations
{
    public static async Task<List<T>> FindManyAsync<T>(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        // The records and each level of includes: one connection for all their statements.
        if (state.Includes.Length > 0 && context.Lease == null)
            return await context.OnOneConnectionAsync(c => FindManyAsync<T>(c, model, state, cancellationToken), cancellationToken).ConfigureAwait(false);
        var prepared = PreparedSelect.From(model, WithKeyColumns(model, state));
        var statement = context.Build(w => SelectSql.Write(w, model, prepared, null));
        var list = await Runner.QueryAsync<T>(context, model, statement, prepared.State.Columns, cancellationToken).ConfigureAwait(false);
        if (prepared.Reverse) list.Reverse();
        if (state.Includes.Length > 0)
            await IncludeLoader.LoadAsync(context, model, list, state.Includes, cancellationToken).ConfigureAwait(false);
        return list;
    }

    public static async IAsyncEnumerable<T> StreamAsync<T>(StrataContext context, ModelInfo model, QueryState state,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) where T : class, IStrataEntity
    {
        if (state.Includes.Length > 0 || state.Take < 0)
        {
            // Includes are loaded per level for all parents, and a backward page is read reversed: both need the whole result first.
            foreach (var entity in await FindManyAsync<T>(context, model, state, cancellationToken).ConfigureAwait(false))
                yield return entity;
            yield break;
        }
        var prepared = PreparedSelect.From(model, state);
        var statement = context.Build(w => SelectSql.Write(w, model, prepared, null));
        await foreach (var entity in Runner.StreamAsync<T>(context, model, statement, state.Columns, cancellationToken).ConfigureAwait(false))
            yield return entity;
    }

    public static async Task<T?> FindFirstAsync<T>(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var list = await FindManyAsync<T>(context, model, state with { Take = state.Take < 0 ? -1 : 1 }, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public static async Task<T?> FindUniqueAsync<T>(StrataContext context, ModelInfo model, UniqueFilter unique, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var list = await FindManyAsync<T>(context, model, state with { Where = unique.ToFilter(model) }, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public static async Task<int> CountAsync(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
    {
        var prepared = PreparedSelect.From(model, state with { Order = state.Distinct != null || state.Cursor != null || state.Take < 0 ? state.Order : [] });
        var statement = context.Build(w => SelectSql.Write(w, model, prepared, null, count: true));
        return checked((int)await Runner.CountAsync(context, model, statement, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The state with the columns that includes join on put back if they were omitted.</summary>
    internal static QueryState WithKeyColumns(ModelInfo model, QueryState state)
    {
        if (state.Omitted == null || state.Includes.Length == 0) return state;
        var omitted = state.Omitted.ToArray();
        foreach (var include in state.Includes)
        {
            foreach (var c in include.Relation.LocalColumns) omitted[c] = false;
        }
        return state with { Omitted = omitted };
    }
}
