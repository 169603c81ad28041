using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;
using Strata.Writes.Emulation;

namespace Strata.Writes;

/// <summary>
/// Updates that return records where the database has no <c>UPDATE ... RETURNING</c> (MySQL, as Prisma
/// does there): the keys of the matching records are read first, the records are updated by key, and
/// then read by key, the new key where the update sets one. The caller runs it in a transaction.
/// </summary>
internal static class ReadBack
{
    /// <summary>Updates what <paramref name="where"/> matches and returns the updated records as <paramref name="read"/> selects them.</summary>
    public static async Task<List<T>> UpdateAsync<T>(StrataContext tx, ModelInfo model, Filter? where, IReadOnlyList<ColumnUpdate> updates, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var key = KeyOf(model);
        var found = await NestedWriter.FindAllAsync(tx, model, where, cancellationToken, OnlyKey(model, key)).ConfigureAwait(false);
        if (found.Count == 0) return [];
        var after = new Filter[found.Count];
        for (int i = 0; i < found.Count; i++) after[i] = NewKey(model, key, found[i], updates);
        foreach (var chunk in found.Chunk(RelationEmulation.RecordsPerStatement))
        {
            var keys = Filter.Or(chunk.Select(r => NestedWriter.KeyFilter(model, r)).ToArray());
            await Runner.ExecuteAsync(tx, model, tx.Build(w => WriteSql.Update(w, model, updates, keys, returning: null)), cancellationToken).ConfigureAwait(false);
        }
        var result = new List<T>(found.Count);
        foreach (var chunk in after.Chunk(RelationEmulation.RecordsPerStatement))
        {
            var state = read with { Where = Filter.Or(chunk), Order = [], Skip = null, Take = null, Cursor = null, Distinct = null };
            result.AddRange(await ReadOperations.FindManyAsync<T>(tx, model, state, cancellationToken).ConfigureAwait(false));
        }
        return result;
    }

    private static UniqueInfo KeyOf(ModelInfo model) =>
        model.PrimaryKey ?? throw new StrataException(ErrorCodes.InvalidQuery, $"{model.Name} has no unique criterion to read its records back by.") { Model = model.Name };

    /// <summary>Every column omitted but the key's: only the keys are read before the update.</summary>
    private static bool[] OnlyKey(ModelInfo model, UniqueInfo key)
    {
        var omitted = new bool[model.Columns.Length];
        Array.Fill(omitted, true);
        foreach (var column in key.Columns) omitted[column] = false;
        return omitted;
    }

    /// <summary>The record's key after the update: a key column the update sets takes the value set.</summary>
    private static Filter NewKey(ModelInfo model, UniqueInfo key, IStrataEntity record, IReadOnlyList<ColumnUpdate> updates)
    {
        var values = key.Columns.Select(record.GetColumnValue).ToArray();
        foreach (var update in updates)
        {
            int at = Array.IndexOf(key.Columns, update.Column.Index);
            if (at < 0) continue;
            if (update.Operation != NumberOperation.Set || update.FromExcluded)
            {
                throw new StrataException(ErrorCodes.InvalidQuery,
                    $"{model.Name}.{update.Column.FieldName} is part of the key, and on a database without UPDATE ... RETURNING (MySQL) an update that returns the record can set a key field to a value, not compute it. Set the new value, or use UpdateMany.") { Model = model.Name };
            }
            values[at] = update.Value;
        }
        return new UniqueFilter(key, values).ToFilter(model);
    }
}
