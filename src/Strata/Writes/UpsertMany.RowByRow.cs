using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Writes;

internal static partial class UpsertMany
{
    /// <summary>
    /// Where the database has no <c>INSERT ... ON CONFLICT (key)</c> (MySQL, whose ON DUPLICATE KEY UPDATE
    /// would act on a conflict with any unique key): each row in input order, in the caller's transaction,
    /// updates the record that has its conflict key (a value the row proposes taken from the row) or, when
    /// there is none, is inserted. The result is the one statement's; a record inserted meanwhile by
    /// another transaction is a unique violation (P2002) instead of an update.
    /// </summary>
    /// <returns>The records written, as <paramref name="read"/> selects them; one placeholder per row when <paramref name="read"/> is null.</returns>
    private static async Task<List<T>> RowByRowAsync<T>(StrataContext tx, ModelInfo model, Batch batch, UniqueInfo conflict, QueryState? read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var written = new List<T>(batch.Rows.Count);
        foreach (var row in batch.Rows)
        {
            var key = ConflictKey(model, batch.Columns, row, conflict);
            if (key != null)
            {
                var updates = RowUpdates(model, batch, row, conflict);
                if (read != null)
                {
                    var updated = await ReadBack.UpdateAsync<T>(tx, model, key, updates, read, cancellationToken).ConfigureAwait(false);
                    if (updated.Count > 0)
                    {
                        written.AddRange(updated);
                        continue;
                    }
                }
                else if (await Runner.ExecuteAsync(tx, model, tx.Build(w => WriteSql.Update(w, model, updates, key, returning: null)), cancellationToken).ConfigureAwait(false) > 0)
                {
                    written.Add(null!);
                    continue;
                }
            }
            if (read != null)
            {
                written.Add(await WriteOperations.InsertAndSelectAsync<T>(tx, model, batch.Columns, row, read.Columns, skipDuplicates: false, cancellationToken).ConfigureAwait(false)
                    ?? throw WriteOperations.NotFound(model, "UpsertMany"));
                continue;
            }
            await Runner.ExecuteAsync(tx, model, tx.Build(w => WriteSql.Insert(w, model, batch.Columns, [row], returning: null)), cancellationToken).ConfigureAwait(false);
            written.Add(null!);
        }
        return written;
    }

    /// <summary>The filter of the row's conflict key, or null when the row leaves a key column to the database or null (it conflicts with nothing).</summary>
    private static Filter? ConflictKey(ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, UniqueInfo conflict)
    {
        var values = new object?[conflict.Columns.Length];
        for (int k = 0; k < values.Length; k++)
        {
            int at = IndexIn(columns, conflict.Columns[k]);
            if (at < 0 || row[at] == null) return null;
            values[k] = row[at];
        }
        return new UniqueFilter(conflict, values).ToFilter(model);
    }

    /// <summary>The batch's assignments for this row: what ON CONFLICT would take from <c>excluded</c> comes from the row; none assigns the key its own value, so the record still counts as written.</summary>
    private static List<ColumnUpdate> RowUpdates(ModelInfo model, Batch batch, object?[] row, UniqueInfo conflict)
    {
        if (batch.Updates.Count == 0)
        {
            var keyColumn = model.Columns[conflict.Columns[0]];
            return [new ColumnUpdate(keyColumn, NumberOperation.Set, row[IndexIn(batch.Columns, keyColumn.Index)])];
        }
        var updates = new List<ColumnUpdate>(batch.Updates.Count);
        foreach (var u in batch.Updates)
            updates.Add(u.FromExcluded ? new ColumnUpdate(u.Column, NumberOperation.Set, row[IndexIn(batch.Columns, u.Column.Index)]) : u);
        return updates;
    }

    private static int IndexIn(IReadOnlyList<ColumnInfo> columns, int column)
    {
        for (int i = 0; i < columns.Count; i++)
            if (columns[i].Index == column) return i;
        return -1;
    }
}
