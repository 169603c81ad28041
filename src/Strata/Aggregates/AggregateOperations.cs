using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Aggregates;

/// <summary>Runs aggregates and groups: the selector runs once to learn its aggregates, the statement runs, and the selector builds each result from a row.</summary>
internal static class AggregateOperations
{
    public static async Task<TResult> AggregateAsync<TFields, TResult>(StrataContext context, ModelInfo model, QueryState state,
        Func<Aggregates<TFields>, TResult> select, CancellationToken cancellationToken) where TFields : IProxy<TFields>
    {
        ArgumentNullException.ThrowIfNull(select);
        var aggregates = new Aggregates<TFields>(model.Name, 0);
        select(aggregates);
        if (aggregates.Terms.Count == 0)
            throw new StrataException(ErrorCodes.InvalidQuery, $"The aggregate selector of {model.Name} asks for no aggregate: call Count, Sum, Avg, Min or Max on its argument.") { Model = model.Name };
        var terms = aggregates.Terms;
        var statement = context.Build(w => AggregateSql.WriteAggregate(w, model, state, terms));
        return await Runner.RunAsync(context, model, statement, async (command, dialect, ct) =>
        {
            await using var reader = await dialect.ExecuteReaderAsync(command, ct).ConfigureAwait(false);
            // An aggregate without GROUP BY always returns one row.
            await dialect.ReadAsync(reader, ct).ConfigureAwait(false);
            aggregates.BeginRow(reader, dialect.Values);
            var result = select(aggregates);
            aggregates.EndRow();
            return result;
        }, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<TResult>> GroupsAsync<TFields, TResult>(StrataContext context, ModelInfo model, GroupState group,
        Func<Group<TFields>, TResult> select, CancellationToken cancellationToken) where TFields : IProxy<TFields>
    {
        ArgumentNullException.ThrowIfNull(select);
        var aggregates = new Group<TFields>(model.Name, group.By);
        select(aggregates);
        var terms = aggregates.Terms;
        var statement = context.Build(w => AggregateSql.WriteGroups(w, model, group, terms));
        return await Runner.RunAsync(context, model, statement, async (command, dialect, ct) =>
        {
            var results = new List<TResult>();
            await using var reader = await dialect.ExecuteReaderAsync(command, ct).ConfigureAwait(false);
            while (await dialect.ReadAsync(reader, ct).ConfigureAwait(false))
            {
                aggregates.BeginRow(reader, dialect.Values);
                results.Add(select(aggregates));
                aggregates.EndRow();
            }
            return results;
        }, cancellationToken).ConfigureAwait(false);
    }
}
