using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Writes;

/// <summary>
/// <c>UpsertMany</c>: many records written with multi-row <c>INSERT ... ON CONFLICT (key) DO UPDATE
/// SET column = excluded.column</c> (or the given changes), in one transaction, each statement within the database's
/// parameter limit.
/// </summary>
internal static partial class UpsertMany
{
    public static async Task<int> RunAsync(StrataContext context, ModelInfo model, IReadOnlyList<WriteInput> inputs, UniqueInfo conflict, ColumnInfo[]? update, WriteInput? changes, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0) return 0;
        return await context.InTransactionAsync(async tx =>
        {
            int count = 0;
            foreach (var batch in Statements(tx.Dialect, model, inputs, conflict, update, changes))
            {
                if (!tx.Dialect.HasReturning)
                {
                    count += (await RowByRowAsync<IStrataEntity>(tx, model, batch, conflict, null, cancellationToken).ConfigureAwait(false)).Count;
                    continue;
                }
                var statement = tx.Build(w => WriteSql.Insert(w, model, batch.Columns, batch.Rows, returning: null, conflict: conflict, onConflict: batch.Updates));
                count += await Runner.ExecuteAsync(tx, model, statement, cancellationToken).ConfigureAwait(false);
            }
            return count;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> RunAndReturnAsync<T>(StrataContext context, ModelInfo model, IReadOnlyList<WriteInput> inputs, UniqueInfo conflict, ColumnInfo[]? update, WriteInput? changes, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (inputs.Count == 0) return [];
        var columns = ReadOperations.WithKeyColumns(model, read).Columns;
        return await context.InTransactionAsync(async tx =>
        {
            var result = new List<T>(inputs.Count);
            foreach (var batch in Statements(tx.Dialect, model, inputs, conflict, update, changes))
            {
                if (!tx.Dialect.HasReturning)
                {
                    result.AddRange(await RowByRowAsync<T>(tx, model, batch, conflict, read with { Includes = [] }, cancellationToken).ConfigureAwait(false));
                    continue;
                }
                var statement = tx.Build(w => WriteSql.Insert(w, model, batch.Columns, batch.Rows, columns, conflict: conflict, onConflict: batch.Updates));
                result.AddRange(await Runner.QueryAsync<T>(tx, model, statement, columns, cancellationToken).ConfigureAwait(false));
            }
            if (read.Includes.Length > 0) await IncludeLoader.LoadAsync(tx, model, result, read.Includes, cancellationToken).ConfigureAwait(false);
            return result;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The unique criterion whose columns are exactly <paramref name="fields"/> (in any order), or the
    /// primary key when none are given; P2009 when the model has no such criterion.
    /// </summary>
    public static UniqueInfo ConflictTarget(ModelInfo model, FieldRef[]? fields)
    {
        if (fields == null || fields.Length == 0)
            return model.PrimaryKey ?? throw new StrataException(ErrorCodes.InvalidQuery, $"UpsertMany of {model.Name} needs a unique criterion to detect conflicts, and the model has none.") { Model = model.Name };
        var wanted = fields.Select(f => f.Column.Index).Distinct().Order().ToArray();
        foreach (var unique in model.Uniques)
            if (unique.Columns.Order().SequenceEqual(wanted)) return unique;
        throw new StrataException(ErrorCodes.InvalidQuery,
            $"UpsertMany of {model.Name} detects conflicts on a unique criterion: ({string.Join(", ", fields.Select(f => f.Column.FieldName))}) is not the primary key or a unique constraint.") { Model = model.Name };
    }

    /// <summary>One statement's rows, the columns they write, and the DO UPDATE assignments.</summary>
    private sealed record Batch(IReadOnlyList<ColumnInfo> Columns, List<object?[]> Rows, List<ColumnUpdate> Updates);

    /// <summary>
    /// Splits the inputs into statements, in input order: rows that write the same columns and update
    /// the same ones go together, at most as many as fit the dialect's parameter limit, and a row whose
    /// key an earlier row of the same statement already has starts a new statement. So the input is
    /// applied as if row by row (a later row with the same key updates what the earlier one wrote),
    /// where PostgreSQL would refuse one statement that changes a row twice.
    /// </summary>
    private static IEnumerable<Batch> Statements(Providers.SqlDialect dialect, ModelInfo model, IReadOnlyList<WriteInput> inputs, UniqueInfo conflict, ColumnInfo[]? update, WriteInput? changes)
    {
        var now = RowBuilder.Now();
        if (changes is { HasRelationWrites: true })
            throw new StrataException(ErrorCodes.InvalidQuery, $"UpsertMany of {model.Name} does not take nested relation writes in its update.") { Model = model.Name };
        // The same changes for every conflicting record: values and atomic operations on the stored row.
        var fixedUpdates = changes == null ? null : RowBuilder.Updates(model, changes, now);
        Batch? batch = null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        int limit = 0;
        foreach (var input in inputs)
        {
            if (input.HasRelationWrites)
                throw new StrataException(ErrorCodes.InvalidQuery, $"UpsertMany of {model.Name} does not take nested relation writes; use Upsert for each record.") { Model = model.Name };
            var columns = RowBuilder.InsertColumns(model, input);
            var updates = fixedUpdates ?? Assignments(model, columns, input, conflict, update);
            // relationMode = "prisma": one statement cannot run the actions for keys that only the conflict decides.
            if (Emulation.RelationEmulation.ChangesReferencedFields(model, updates))
                throw new StrataException(ErrorCodes.InvalidQuery,
                    $"UpsertMany of {model.Name} would update fields that relations refer to; with relationMode = \"prisma\" the client carries out their referential actions, which it does for Upsert and Update, not here.") { Model = model.Name };
            var row = RowBuilder.InsertValues(model, columns, input, now);
            var key = KeyOf(columns, row, conflict);
            if (batch == null || batch.Rows.Count == limit || !batch.Columns.SequenceEqual(columns) || !batch.Updates.SequenceEqual(updates)
                || (key != null && keys.Contains(key)))
            {
                if (batch != null) yield return batch;
                batch = new Batch(columns, [], updates);
                keys.Clear();
                limit = WriteOperations.RowsPerInsert(dialect, columns);
            }
            batch.Rows.Add(row);
            if (key != null) keys.Add(key);
        }
        if (batch != null) yield return batch;
    }

    /// <summary>
    /// What a conflicting row's UPDATE sets: the chosen fields, or else the fields this input sets; the
    /// conflict's own columns never (they are equal), <c>@updatedAt</c> fields always.
    /// </summary>
    private static List<ColumnUpdate> Assignments(ModelInfo model, IReadOnlyList<ColumnInfo> columns, WriteInput input, UniqueInfo conflict, ColumnInfo[]? update)
    {
        var updates = new List<ColumnUpdate>();
        foreach (var column in columns)
        {
            if (Array.IndexOf(conflict.Columns, column.Index) >= 0) continue;
            bool chosen = update == null ? input.IsAssigned(column.Index) : Array.Exists(update, c => c.Index == column.Index);
            if (chosen || column.IsUpdatedAt) updates.Add(ColumnUpdate.Excluded(column));
        }
        if (update != null)
        {
            foreach (var column in update)
                if (!columns.Contains(column) && Array.IndexOf(conflict.Columns, column.Index) < 0)
                    throw new StrataException(ErrorCodes.InvalidQuery,
                        $"UpsertMany of {model.Name} updates {column.FieldName}, which a record does not set and the database generates: set it in every record, or leave it out of the update.") { Model = model.Name };
        }
        return updates;
    }

    /// <summary>The row's conflict key as text (null when a key value is null: such a row never conflicts).</summary>
    private static string? KeyOf(IReadOnlyList<ColumnInfo> columns, object?[] row, UniqueInfo conflict)
    {
        var parts = new string[conflict.Columns.Length];
        for (int k = 0; k < parts.Length; k++)
        {
            int at = -1;
            for (int i = 0; i < columns.Count; i++)
                if (columns[i].Index == conflict.Columns[k]) at = i;
            if (at < 0 || row[at] is not { } value) return null; // generated by the database: a new key
            parts[k] = value switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                // As stored: whole milliseconds, and a decimal without trailing zeros.
                DateTime time => (time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond).ToString(System.Globalization.CultureInfo.InvariantCulture),
                decimal number => (number / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture),
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => value.ToString() ?? "",
            };
        }
        // Lengths first, so no value's text can run into the next.
        return string.Join("", parts.Select(p => p.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + p));
    }
}
