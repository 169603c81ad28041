using Strata.Metadata;
using Strata.Queries;
using Strata.Writes;
using Strata.Writes.Emulation;

namespace Strata.Execution;

/// <summary>Creates, updates, upserts and deletes, with nested relation writes in one transaction.</summary>
internal static class WriteOperations
{
    public static Task<T> CreateAsync<T>(StrataContext context, ModelInfo model, WriteInput input, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (!input.HasRelationWrites && read.Includes.Length == 0)
            return InsertOneAsync<T>(context, model, input, read.Columns, cancellationToken);
        return context.InTransactionAsync(async tx =>
        {
            var entity = await Writes.NestedWriter.CreateAsync(tx, model, input, cancellationToken).ConfigureAwait(false);
            return await ReloadAsync<T>(tx, model, entity, read, "Create", cancellationToken).ConfigureAwait(false);
        }, null, cancellationToken);
    }

    public static async Task<int> CreateManyAsync(StrataContext context, ModelInfo model, IReadOnlyList<WriteInput> inputs, bool skipDuplicates, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0) return 0;
        return await context.InTransactionAsync(async tx =>
        {
            int count = 0;
            // Rows that write the same columns go together: all at once in bulk (COPY), else row by row
            // through one kept INSERT (SQLite), else in multi-row INSERTs of at most the dialect's values.
            foreach (var (columns, rows) in Batches(model, inputs))
            {
                if (!skipDuplicates)
                {
                    var lease = await tx.OpenAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var bulk = tx.Dialect.BulkInsertAsync(lease.Connection, tx.Transaction, model, columns, rows, cancellationToken);
                        if (bulk != null)
                        {
                            try { count += await bulk.ConfigureAwait(false); }
                            catch (Exception e) when (StrataContext.IsDriverFailure(e, cancellationToken)) { throw tx.Fail(lease, e, model); }
                            continue;
                        }
                    }
                    finally
                    {
                        await tx.ReleaseAsync(lease).ConfigureAwait(false);
                    }
                }
                if (tx.Dialect.InsertsRowByRow)
                {
                    count += await InsertRowByRowAsync(tx, model, columns, rows, skipDuplicates, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                foreach (var chunk in rows.Chunk(RowsPerInsert(tx.Dialect, columns)))
                {
                    var statement = tx.Build(w => WriteSql.Insert(w, model, columns, chunk, returning: null, skipDuplicates));
                    count += await Runner.ExecuteAsync(tx, model, statement, cancellationToken).ConfigureAwait(false);
                }
            }
            return count;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> one at a time through the one-row INSERT of the first, which the
    /// connection keeps compiled: each further row only binds its values (<see cref="SqlWriter.ParameterFor"/>,
    /// as the INSERT binds them) and runs.
    /// </summary>
    private static async Task<int> InsertRowByRowAsync(StrataContext tx, ModelInfo model, IReadOnlyList<ColumnInfo> columns, List<object?[]> rows, bool skipDuplicates, CancellationToken cancellationToken)
    {
        var first = tx.Build(static (w, a) => WriteSql.Insert(w, a.Model, a.Columns, [a.Row], returning: null, a.SkipDuplicates),
            (Model: model, Columns: columns, Row: rows[0], SkipDuplicates: skipDuplicates));
        if (first.Parameters.Length != columns.Count) throw new InvalidOperationException("A one-row INSERT binds one value per column.");
        int count = await Runner.ExecuteAsync(tx, model, first, cancellationToken).ConfigureAwait(false);
        var values = new QueryParameter[columns.Count]; // bound into the command before the next row fills it
        for (int r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            for (int i = 0; i < values.Length; i++) values[i] = SqlWriter.ParameterFor(columns[i], row[i]);
            count += await Runner.ExecuteAsync(tx, model, new Statement(first.Sql, values), cancellationToken).ConfigureAwait(false);
        }
        return count;
    }

    internal static int RowsPerInsert(Providers.SqlDialect dialect, IReadOnlyList<ColumnInfo> columns) =>
        Math.Max(1, Math.Min(1000, dialect.InsertParameters / Math.Max(1, columns.Count)));

    public static async Task<List<T>> CreateManyAndReturnAsync<T>(StrataContext context, ModelInfo model, IReadOnlyList<WriteInput> inputs, bool skipDuplicates, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (inputs.Count == 0) return [];
        return await context.InTransactionAsync(async tx =>
        {
            var result = new List<T>(inputs.Count);
            if (!tx.Dialect.HasReturning)
            {
                // No INSERT ... RETURNING (MySQL): each row is inserted and read back by its key in one command.
                foreach (var (columns, rows) in Batches(model, inputs))
                    foreach (var row in rows)
                        if (await InsertAndSelectAsync<T>(tx, model, columns, row, read.Columns, skipDuplicates, cancellationToken).ConfigureAwait(false) is { } created)
                            result.Add(created);
                if (read.Includes.Length > 0) await IncludeLoader.LoadAsync(tx, model, result, read.Includes, cancellationToken).ConfigureAwait(false);
                return result;
            }
            foreach (var (columns, rows) in Batches(model, inputs))
            {
                foreach (var chunk in rows.Chunk(RowsPerInsert(tx.Dialect, columns)))
                {
                    var statement = tx.Build(w => WriteSql.Insert(w, model, columns, chunk, read.Columns, skipDuplicates));
                    result.AddRange(await Runner.QueryAsync<T>(tx, model, statement, read.Columns, cancellationToken).ConfigureAwait(false));
                }
            }
            if (read.Includes.Length > 0) await IncludeLoader.LoadAsync(tx, model, result, read.Includes, cancellationToken).ConfigureAwait(false);
            return result;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> UpdateAsync<T>(StrataContext context, ModelInfo model, UniqueFilter unique, WriteInput input, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var where = unique.ToFilter(model);
        if (input.HasRelationWrites)
        {
            return await context.InTransactionAsync(async tx =>
            {
                var entity = await Writes.NestedWriter.UpdateAsync(tx, model, where, input, cancellationToken).ConfigureAwait(false) ?? throw NotFound(model, "Update");
                return await ReloadAsync<T>(tx, model, entity, read, "Update", cancellationToken).ConfigureAwait(false);
            }, null, cancellationToken).ConfigureAwait(false);
        }
        var updates = RowBuilder.Updates(model, input, RowBuilder.Now());
        if (updates.Count == 0)
            return await ReadOperations.FindUniqueAsync<T>(context, model, unique, read, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(model, "Update");
        if (RelationEmulation.ChangesReferencedFields(model, updates))
        {
            // relationMode = "prisma": the records that refer to the changed fields act first, in the update's transaction.
            return await context.InTransactionAsync(async tx =>
            {
                await RelationEmulation.BeforeUpdateAsync(tx, model, where, updates, cancellationToken).ConfigureAwait(false);
                return await UpdateOneAsync<T>(tx, model, where, updates, read, cancellationToken).ConfigureAwait(false);
            }, null, cancellationToken).ConfigureAwait(false);
        }
        return await UpdateOneAsync<T>(context, model, where, updates, read, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> UpdateOneAsync<T>(StrataContext context, ModelInfo model, Filter where, List<ColumnUpdate> updates, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (!context.Dialect.HasReturning)
        {
            // No UPDATE ... RETURNING (MySQL): read the key, update by it, read the record back (with its includes).
            var updated = await context.InTransactionAsync(tx => Writes.ReadBack.UpdateAsync<T>(tx, model, where, updates, read, cancellationToken), null, cancellationToken).ConfigureAwait(false);
            return updated.Count == 0 ? throw NotFound(model, "Update") : updated[0];
        }
        var columns = ReadOperations.WithKeyColumns(model, read).Columns;
        var statement = context.Build(w => WriteSql.Update(w, model, updates, where, columns));
        var list = await Runner.QueryAsync<T>(context, model, statement, columns, cancellationToken).ConfigureAwait(false);
        if (list.Count == 0) throw NotFound(model, "Update");
        if (read.Includes.Length > 0) await IncludeLoader.LoadAsync(context, model, list, read.Includes, cancellationToken).ConfigureAwait(false);
        return list[0];
    }

    /// <summary>Runs an UPDATE of many records: in a transaction after the emulated actions when the update sets fields that relations refer to (relationMode = "prisma").</summary>
    private static Task<TResult> UpdateManyAsync<TResult>(StrataContext context, ModelInfo model, Filter? where, List<ColumnUpdate> updates, Func<StrataContext, Task<TResult>> update, CancellationToken cancellationToken)
    {
        if (!RelationEmulation.ChangesReferencedFields(model, updates)) return update(context);
        return context.InTransactionAsync(async tx =>
        {
            await RelationEmulation.BeforeUpdateAsync(tx, model, where, updates, cancellationToken).ConfigureAwait(false);
            return await update(tx).ConfigureAwait(false);
        }, null, cancellationToken);
    }

    public static async Task<int> UpdateManyAsync(StrataContext context, ModelInfo model, Filter? where, WriteInput input, CancellationToken cancellationToken)
    {
        CheckNoRelationWrites(model, input, "UpdateMany");
        var updates = RowBuilder.Updates(model, input, RowBuilder.Now());
        if (updates.Count == 0) return 0;
        return await UpdateManyAsync(context, model, where, updates,
            c => Runner.ExecuteAsync(c, model, c.Build(w => WriteSql.Update(w, model, updates, where, returning: null)), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<List<T>> UpdateManyAndReturnAsync<T>(StrataContext context, ModelInfo model, Filter? where, WriteInput input, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        CheckNoRelationWrites(model, input, "UpdateManyAndReturn");
        var updates = RowBuilder.Updates(model, input, RowBuilder.Now());
        if (updates.Count == 0) return [];
        if (!context.Dialect.HasReturning)
        {
            return await context.InTransactionAsync(tx => UpdateManyAsync(tx, model, where, updates,
                c => Writes.ReadBack.UpdateAsync<T>(c, model, where, updates, read, cancellationToken), cancellationToken), null, cancellationToken).ConfigureAwait(false);
        }
        return await UpdateManyAsync(context, model, where, updates,
            c => Runner.QueryAsync<T>(c, model, c.Build(w => WriteSql.Update(w, model, updates, where, read.Columns)), read.Columns, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> UpsertAsync<T>(StrataContext context, ModelInfo model, UniqueFilter unique, WriteInput create, WriteInput update, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        // Without RETURNING (MySQL, whose ON DUPLICATE KEY UPDATE also acts on any other unique key) the two steps below, as Prisma does there.
        if (context.Dialect.HasReturning && !create.HasRelationWrites && !update.HasRelationWrites && read.Includes.Length == 0 && unique.Extra == null && CreateMatchesCriterion(unique, create))
        {
            var now = RowBuilder.Now();
            var updates = RowBuilder.Updates(model, update, now);
            // With relationMode = "prisma", an update of fields that relations refer to runs their actions
            // first: the two steps below. Otherwise one statement: INSERT ... ON CONFLICT (criterion) DO UPDATE, atomic under concurrency.
            if (!RelationEmulation.ChangesReferencedFields(model, updates))
            {
                var columns = RowBuilder.InsertColumns(model, create);
                var row = RowBuilder.InsertValues(model, columns, create, now);
                var statement = context.Build(w => WriteSql.Insert(w, model, columns, [row], read.Columns, conflict: unique.Unique, onConflict: updates));
                var list = await Runner.QueryAsync<T>(context, model, statement, read.Columns, cancellationToken).ConfigureAwait(false);
                return list[0];
            }
        }
        return await context.InTransactionAsync(async tx =>
        {
            var existing = await ReadOperations.FindUniqueAsync<T>(tx, model, unique, QueryState.Empty, cancellationToken).ConfigureAwait(false);
            return existing != null
                ? await UpdateAsync<T>(tx, model, unique, update, read, cancellationToken).ConfigureAwait(false)
                : await CreateAsync<T>(tx, model, create, read, cancellationToken).ConfigureAwait(false);
        }, null, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T> DeleteAsync<T>(StrataContext context, ModelInfo model, UniqueFilter unique, QueryState read, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var where = unique.ToFilter(model);
        if (read.Includes.Length > 0 || RelationEmulation.Emulates(model) || !context.Dialect.HasReturning)
        {
            // Read the record with its relations before they may be deleted with it (or, with
            // relationMode = "prisma", changed by the referential actions the delete runs first;
            // or, without DELETE ... RETURNING, at all).
            return await context.InTransactionAsync(async tx =>
            {
                var found = await ReadOperations.FindUniqueAsync<T>(tx, model, unique, read, cancellationToken).ConfigureAwait(false) ?? throw NotFound(model, "Delete");
                await RelationEmulation.DeleteAsync(tx, model, where, cancellationToken).ConfigureAwait(false);
                return found;
            }, null, cancellationToken).ConfigureAwait(false);
        }
        var statement = context.Build(w => WriteSql.Delete(w, model, where, read.Columns));
        var list = await Runner.QueryAsync<T>(context, model, statement, read.Columns, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? throw NotFound(model, "Delete") : list[0];
    }

    public static Task<int> DeleteManyAsync(StrataContext context, ModelInfo model, Filter? where, CancellationToken cancellationToken) =>
        RelationEmulation.DeleteAsync(context, model, where, cancellationToken);

    internal static RecordNotFoundException NotFound(ModelInfo model, string operation) => new(model.Name, operation) { Model = model.Name };

    internal static async Task<T> InsertOneAsync<T>(StrataContext context, ModelInfo model, WriteInput input, ColumnSet returning, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var columns = RowBuilder.InsertColumns(model, input);
        var row = RowBuilder.InsertValues(model, columns, input);
        var dialect = context.Dialect;
        if (WrittenRow.TryMake(dialect, model, columns, row, returning, out int rowIdAt) is { } written)
        {
            // The values read back as written (SQLite): the record comes from them and the row id, with no read.
            var insert = context.Build(static (w, a) => WriteSql.Insert(w, a.Model, a.Columns, [a.Row], returning: null), (Model: model, Columns: columns, Row: row));
            long rowId = await Runner.InsertAsync(context, model, insert, cancellationToken).ConfigureAwait(false);
            return (T)written.Read(model, returning, dialect.Values, rowIdAt, rowId);
        }
        if (!dialect.HasReturning)
            return await InsertAndSelectAsync<T>(context, model, columns, row, returning, skipDuplicates: false, cancellationToken).ConfigureAwait(false) ?? throw NotFound(model, "Create");
        // Inside a transaction no other writer can change the row between the two statements (SQLite
        // lets one writer in at a time), and "INSERT; SELECT by key" in one command is much quicker there than RETURNING.
        var key = context.InTransaction && dialect.SelectsInsertedRow && model.PrimaryKey is { } unique
            && WriteSql.CanSelectInserted(model, columns, row, unique) ? unique : null;
        var statement = context.Build(static (w, a) =>
        {
            if (a.Key != null) WriteSql.InsertThenSelect(w, a.Model, a.Columns, a.Row, a.Key, a.Returning);
            else WriteSql.Insert(w, a.Model, a.Columns, [a.Row], a.Returning);
        }, (Model: model, Columns: columns, Row: row, Key: key, Returning: returning));
        return await Runner.QueryFirstAsync<T>(context, model, statement, returning, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(model, "Create");
    }

    /// <summary>
    /// Where there is no INSERT ... RETURNING (MySQL): the INSERT and the SELECT of its row by key (the
    /// values written, or the AUTO_INCREMENT id) in one command; null when a skipped duplicate inserted nothing.
    /// </summary>
    internal static Task<T?> InsertAndSelectAsync<T>(StrataContext context, ModelInfo model, IReadOnlyList<ColumnInfo> columns, object?[] row, ColumnSet returning, bool skipDuplicates, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        if (model.PrimaryKey is not { } key || !WriteSql.CanSelectInserted(model, columns, row, key))
        {
            throw new StrataException(ErrorCodes.InvalidQuery,
                $"A created {model.Name} cannot be read back on {context.Dialect.Name}, which has no INSERT ... RETURNING: its key is neither given, generated by the client (cuid(), uuid()...) nor AUTO_INCREMENT. Give the key's value.") { Model = model.Name };
        }
        var statement = context.Build(static (w, a) => WriteSql.InsertThenSelect(w, a.Model, a.Columns, a.Row, a.Key, a.Returning, a.SkipDuplicates),
            (Model: model, Columns: columns, Row: row, Key: key, Returning: returning, SkipDuplicates: skipDuplicates));
        return Runner.QueryFirstAsync<T>(context, model, statement, returning, cancellationToken);
    }

    private static async Task<T> ReloadAsync<T>(StrataContext tx, ModelInfo model, IStrataEntity entity, QueryState read, string operation, CancellationToken cancellationToken)
        where T : class, IStrataEntity
    {
        var key = model.PrimaryKey ?? throw new StrataException(ErrorCodes.InvalidQuery, $"{model.Name} has no unique criterion to read the record back by.");
        var unique = new UniqueFilter(key, key.Columns.Select(entity.GetColumnValue).ToArray());
        return await ReadOperations.FindUniqueAsync<T>(tx, model, unique, read, cancellationToken).ConfigureAwait(false) ?? throw NotFound(model, operation);
    }

    private static bool CreateMatchesCriterion(UniqueFilter unique, WriteInput create)
    {
        for (int i = 0; i < unique.Unique.Columns.Length; i++)
        {
            int column = unique.Unique.Columns[i];
            if (!create.IsAssigned(column) || !Equals(Keys.Canonical(create.Value(column)), Keys.Canonical(unique.Values[i]))) return false;
        }
        return true;
    }

    private static void CheckNoRelationWrites(ModelInfo model, WriteInput input, string operation)
    {
        if (input.HasRelationWrites)
            throw new StrataException(ErrorCodes.InvalidQuery, $"{operation} of {model.Name} does not take nested relation writes; create related records with their own operations.") { Model = model.Name };
    }

    /// <summary>Groups consecutive rows that write the same columns.</summary>
    private static IEnumerable<(IReadOnlyList<ColumnInfo> Columns, List<object?[]> Rows)> Batches(ModelInfo model, IReadOnlyList<WriteInput> inputs)
    {
        var now = RowBuilder.Now();
        IReadOnlyList<ColumnInfo>? columns = null;
        var rows = new List<object?[]>();
        foreach (var input in inputs)
        {
            if (input.HasRelationWrites)
                throw new StrataException(ErrorCodes.InvalidQuery, $"CreateMany of {model.Name} does not take nested relation writes; use Create for each record.") { Model = model.Name };
            var inputColumns = RowBuilder.InsertColumns(model, input);
            // Rows that set no generated column share the model's list itself: no comparison per row.
            if (columns != null && !ReferenceEquals(columns, inputColumns) && !columns.SequenceEqual(inputColumns))
            {
                yield return (columns, rows);
                rows = new List<object?[]>();
            }
            columns = inputColumns;
            rows.Add(RowBuilder.InsertValues(model, columns, input, now));
        }
        if (columns != null && rows.Count > 0) yield return (columns, rows);
    }
}
