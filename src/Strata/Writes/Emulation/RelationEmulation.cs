using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;

namespace Strata.Writes.Emulation;

/// <summary>
/// The referential actions of <c>relationMode = "prisma"</c>, where the database has no foreign
/// keys: before records are deleted, or before an update changes fields that relations refer to,
/// the records that refer to them are deleted or changed (Cascade), given null (SetNull), or the
/// write is refused with P2014 (Restrict, NoAction), recursively, in the write's transaction, as
/// Prisma Client does. With foreign keys (the default) none of this runs: the database does it.
/// </summary>
internal static class RelationEmulation
{
    /// <summary>How many records one statement's list of referenced values holds at most.</summary>
    internal const int RecordsPerStatement = 500;

    /// <summary>
    /// True when the client, not the database, keeps <paramref name="model"/>'s relations and some
    /// refer to it (a foreign key on the other side, or a join table): only then does a delete act.
    /// </summary>
    public static bool Emulates(ModelInfo model) =>
        model.RelationMode == RelationMode.Prisma && Array.Exists(model.Relations, r => !r.HoldsForeignKey);

    /// <summary>
    /// Deletes the records <paramref name="where"/> matches and returns how many: one DELETE with
    /// foreign keys; with emulation, the records are read, the relations that refer to them act,
    /// then they are deleted by key, all in one transaction (joining the caller's).
    /// </summary>
    public static async Task<int> DeleteAsync(StrataContext context, ModelInfo model, Filter? where, CancellationToken cancellationToken)
    {
        if (!Emulates(model))
            return await Runner.ExecuteAsync(context, model, context.Build(w => WriteSql.Delete(w, model, where, returning: null)), cancellationToken).ConfigureAwait(false);
        return await context.InTransactionAsync(async tx =>
        {
            var records = await ReadAsync(tx, model, where, cancellationToken).ConfigureAwait(false);
            int count = 0;
            foreach (var chunk in records.Chunk(RecordsPerStatement))
            {
                await OnDeleteAsync(tx, model, chunk, cancellationToken).ConfigureAwait(false);
                var keys = Filter.Or(chunk.Select(r => NestedWriter.KeyFilter(model, r)).ToArray());
                count += await Runner.ExecuteAsync(tx, model, tx.Build(w => WriteSql.Delete(w, model, keys, returning: null)), cancellationToken).ConfigureAwait(false);
            }
            return count;
        }, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="updates"/> of <paramref name="model"/> set a field that an emulated relation refers to.</summary>
    public static bool ChangesReferencedFields(ModelInfo model, IReadOnlyList<ColumnUpdate> updates) =>
        model.RelationMode == RelationMode.Prisma && ReferencedBy(model, updates).Any();

    /// <summary>
    /// Runs the <c>onUpdate</c> actions of the relations that refer to fields <paramref name="updates"/>
    /// set, for the records <paramref name="where"/> matches, before their UPDATE (call it inside a
    /// transaction). As in Prisma, setting a referenced field counts even when it keeps its value.
    /// </summary>
    public static async Task BeforeUpdateAsync(StrataContext tx, ModelInfo model, Filter? where, IReadOnlyList<ColumnUpdate> updates, CancellationToken cancellationToken)
    {
        if (!ChangesReferencedFields(model, updates)) return;
        var records = await ReadAsync(tx, model, where, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in records.Chunk(RecordsPerStatement))
        {
            foreach (var relation in ReferencedBy(model, updates))
            {
                if (relation.JoinTable is { } join)
                {
                    // The join table's column follows the key, by the same operation (onUpdate: Cascade, as its foreign keys have).
                    var update = updates.First(u => u.Column.Index == relation.LocalColumns[0]);
                    var keys = chunk.Select(r => r.GetColumnValue(relation.LocalColumns[0])!).ToList();
                    await Runner.ExecuteAsync(tx, null, tx.Build(w => JoinTableSql.MoveLinks(w, join, update.Operation, update.Value, keys)), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var child = relation.Target;
                var referring = Referring(relation, chunk);
                switch (relation.OnUpdate)
                {
                    case ReferentialAction.Cascade:
                        // The referring records' foreign key gets the same operation as the key it copies (Prisma: a set sets, an increment increments).
                        var followed = new List<ColumnUpdate>();
                        for (int i = 0; i < relation.LocalColumns.Length; i++)
                            if (updates.FirstOrDefault(u => u.Column.Index == relation.LocalColumns[i]) is { Column: not null } u)
                                followed.Add(new ColumnUpdate(child.Columns[relation.TargetColumns[i]], u.Operation, u.Value));
                        await UpdateAsync(tx, child, referring, followed, cancellationToken).ConfigureAwait(false);
                        break;
                    case ReferentialAction.SetNull:
                        await SetNullAsync(tx, relation, referring, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        await RestrictAsync(tx, relation, referring, cancellationToken).ConfigureAwait(false);
                        break;
                }
            }
        }
    }

    /// <summary>The <c>onDelete</c> actions of the relations that refer to <paramref name="records"/>, which are about to be deleted.</summary>
    private static async Task OnDeleteAsync(StrataContext tx, ModelInfo model, IStrataEntity[] records, CancellationToken cancellationToken)
    {
        foreach (var relation in model.Relations)
        {
            if (relation.JoinTable is { } join)
            {
                // Implicit many-to-many: the records' join rows go with them (the join table's foreign keys cascade).
                var keys = records.Select(r => r.GetColumnValue(relation.LocalColumns[0])!).ToList();
                await Runner.ExecuteAsync(tx, null, tx.Build(w => JoinTableSql.DeleteAllLinks(w, join, keys)), cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (relation.HoldsForeignKey) continue;
            var referring = Referring(relation, records);
            switch (relation.OnDelete)
            {
                case ReferentialAction.Cascade:
                    await DeleteAsync(tx, relation.Target, referring, cancellationToken).ConfigureAwait(false);
                    break;
                case ReferentialAction.SetNull:
                    await SetNullAsync(tx, relation, referring, cancellationToken).ConfigureAwait(false);
                    break;
                default: // Restrict and NoAction; the schema refuses SetDefault in this mode
                    await RestrictAsync(tx, relation, referring, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Updates <paramref name="model"/>'s records that <paramref name="where"/> matches, after the actions the change sets off.</summary>
    private static async Task UpdateAsync(StrataContext tx, ModelInfo model, Filter where, IReadOnlyList<ColumnUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0) return;
        await BeforeUpdateAsync(tx, model, where, updates, cancellationToken).ConfigureAwait(false);
        await Runner.ExecuteAsync(tx, model, tx.Build(w => WriteSql.Update(w, model, updates, where, returning: null)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the optional foreign key fields of the referring records to null (Prisma leaves required ones, which the schema rules out for SetNull).</summary>
    private static Task SetNullAsync(StrataContext tx, RelationInfo relation, Filter referring, CancellationToken cancellationToken)
    {
        var child = relation.Target;
        var updates = relation.TargetColumns.Where(c => child.Columns[c].IsOptional)
            .Select(c => new ColumnUpdate(child.Columns[c], NumberOperation.Set, null)).ToList();
        return UpdateAsync(tx, child, referring, updates, cancellationToken);
    }

    /// <summary>P2014 when a record refers to the changed ones.</summary>
    private static async Task RestrictAsync(StrataContext tx, RelationInfo relation, Filter referring, CancellationToken cancellationToken)
    {
        if (await ReadOperations.CountAsync(tx, relation.Target, QueryState.Empty with { Where = referring }, cancellationToken).ConfigureAwait(false) > 0)
            throw NestedWriter.RequiredRelation(relation);
    }

    /// <summary>
    /// The records to act for, with only what the actions use: the key (to write them by) and the
    /// fields relations refer to (to find the referring records).
    /// </summary>
    private static Task<List<IStrataEntity>> ReadAsync(StrataContext tx, ModelInfo model, Filter? where, CancellationToken cancellationToken)
    {
        var omitted = new bool[model.Columns.Length];
        Array.Fill(omitted, true);
        foreach (var c in model.PrimaryKey?.Columns ?? []) omitted[c] = false;
        foreach (var relation in model.Relations)
            if (!relation.HoldsForeignKey)
                foreach (var c in relation.LocalColumns) omitted[c] = false;
        return NestedWriter.FindAllAsync(tx, model, where, cancellationToken, omitted);
    }

    /// <summary>
    /// The relations of <paramref name="model"/> whose referenced fields <paramref name="updates"/>
    /// set: from the side without the foreign key, and implicit many-to-many ones whose key changes.
    /// </summary>
    private static IEnumerable<RelationInfo> ReferencedBy(ModelInfo model, IReadOnlyList<ColumnUpdate> updates) =>
        model.Relations.Where(r => !r.HoldsForeignKey && r.LocalColumns.Any(c => updates.Any(u => u.Column.Index == c)));

    /// <summary>
    /// The records of the relation's target whose foreign key refers to one of <paramref name="records"/>
    /// (a relation seen from the side without the foreign key: its local columns are the referenced ones).
    /// </summary>
    private static Filter Referring(RelationInfo relation, IStrataEntity[] records)
    {
        var child = relation.Target;
        if (relation.TargetColumns.Length == 1)
        {
            var values = records.Select(r => r.GetColumnValue(relation.LocalColumns[0])).Where(v => v != null).Distinct().ToArray();
            return FieldFilters.In(child.Columns[relation.TargetColumns[0]], values!, negate: false);
        }
        // A record whose referenced fields hold a null is referred to by no record.
        var parts = records.Where(r => relation.LocalColumns.All(c => r.GetColumnValue(c) != null))
            .Select(r => NestedWriter.ScopeOf(relation.TargetColumns, child, relation.LocalColumns, r)).ToArray();
        return Filter.Or(parts);
    }
}
