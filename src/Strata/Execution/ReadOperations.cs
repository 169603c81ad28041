using Strata.Metadata;
using Strata.Queries;

namespace Strata.Execution;

/// <summary>Finds, counts and streams records, then loads their includes.</summary>
internal static class ReadOperations
{
    public static Task<List<T>> FindManyAsync<T>(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (state.Includes.Length > 0 || state.Take < 0) return FindManyInStepsAsync<T>(context, model, state, cancellationToken);
        try
        {
            var prepared = PreparedSelect.From(model, state);
            return Runner.QueryAsync<T>(context, model, Select(context, model, prepared), state.Columns, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<List<T>>(e);
        }
    }

    /// <summary>A find whose result needs more than one statement's rows as they come: includes (on one connection), or a backward page (read reversed).</summary>
    private static async Task<List<T>> FindManyInStepsAsync<T>(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (state.Includes.Length > 0 && context.Lease == null)
            return await context.OnOneConnectionAsync(c => FindManyInStepsAsync<T>(c, model, state, cancellationToken), cancellationToken).ConfigureAwait(false);
        var prepared = PreparedSelect.From(model, WithKeyColumns(model, state));
        var list = await Runner.QueryAsync<T>(context, model, Select(context, model, prepared), prepared.State.Columns, cancellationToken).ConfigureAwait(false);
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
        var statement = Select(context, model, PreparedSelect.From(model, state));
        await foreach (var entity in Runner.StreamAsync<T>(context, model, statement, state.Columns, cancellationToken).ConfigureAwait(false))
            yield return entity;
    }

    public static Task<T?> FindFirstAsync<T>(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity => FindOneAsync<T>(context, model, state, null, cancellationToken);

    public static Task<T?> FindUniqueAsync<T>(StrataContext context, ModelInfo model, UniqueFilter unique, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        try
        {
            if (!ReferenceEquals(state, QueryState.Empty) || unique.Extra != null)
                return FindOneAsync<T>(context, model, state, unique.ToFilter(model), cancellationToken);
            // A plain lookup by a unique criterion: its statement is kept per criterion (UniqueLookupCache).
            var lookups = context.Dialect.UniqueLookups;
            unique.CheckValues(model);
            Statement statement;
            if (lookups.TryBind(model, unique, out var sql, out var parameters))
            {
                statement = new Statement(sql, parameters);
                if (context.Dialect.Cache.Verify) VerifyLookup(context, model, unique, statement);
            }
            else
            {
                statement = LookupStatement(context, model, unique);
                lookups.Learn(model, unique, statement.Sql, statement.Parameters);
            }
            return Runner.QueryFirstAsync<T>(context, model, statement, state.Columns, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T?>(e);
        }
    }

    /// <summary>The statement of a plain unique lookup, written as every query's is.</summary>
    private static Statement LookupStatement(StrataContext context, ModelInfo model, UniqueFilter unique) =>
        Select(context, model, PreparedSelect.From(model, QueryState.Empty, unique.ToFilter(model), first: true));

    /// <summary>Throws when a kept lookup statement differs from the one written fresh for the same values (the SQL cache's verification).</summary>
    private static void VerifyLookup(StrataContext context, ModelInfo model, UniqueFilter unique, Statement kept)
    {
        var fresh = LookupStatement(context, model, unique);
        if (fresh.Sql != kept.Sql || !fresh.Parameters.AsSpan().SequenceEqual(kept.Parameters))
            throw new InvalidOperationException($"Unique lookup verification failed: the kept statement differs from the one written fresh.\nkept:  {kept.Sql} ({kept.DescribeParameters()})\nfresh: {fresh.Sql} ({fresh.DescribeParameters()})");
    }

    /// <summary>The first record in the query's order (<paramref name="where"/>, when given, replacing its filter): one statement and its first row, unless includes follow.</summary>
    private static Task<T?> FindOneAsync<T>(StrataContext context, ModelInfo model, QueryState state, Filter? where, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (state.Includes.Length > 0) return FindOneWithIncludesAsync<T>(context, model, state with { Where = where ?? state.Where, Take = state.Take < 0 ? -1 : 1 }, cancellationToken);
        try
        {
            // Taking one record backwards is the last one forwards, read alone: nothing to reverse.
            var prepared = PreparedSelect.From(model, state, where, first: true);
            return Runner.QueryFirstAsync<T>(context, model, Select(context, model, prepared), state.Columns, cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T?>(e);
        }
    }

    private static async Task<T?> FindOneWithIncludesAsync<T>(StrataContext context, ModelInfo model, QueryState state, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var list = await FindManyInStepsAsync<T>(context, model, state, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    private static Statement Select(StrataContext context, ModelInfo model, PreparedSelect prepared) =>
        context.Build(static (w, query) => SelectSql.Write(w, query.Model, query.Prepared, null), (Model: model, Prepared: prepared));

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
