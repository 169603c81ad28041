using Strata.Execution;
using Strata.Metadata;
using Strata.Queries;
using Strata.Writes.Emulation;

namespace Strata.Writes;

/// <summary>
/// Runs a create or an update with the nested writes of its relation fields, inside the caller's
/// transaction. To-one relations whose foreign key the record holds come first (their keys fill the
/// record's foreign key), then the record's own INSERT or UPDATE, then the relations whose foreign
/// key is on the other side or in a join table. A failure names its place in the graph
/// (<see cref="StrataException.Path"/>).
/// </summary>
internal static class NestedWriter
{
    /// <summary>Creates a record and its nested writes.</summary>
    public static async Task<IStrataEntity> CreateAsync(StrataContext tx, ModelInfo model, WriteInput input, CancellationToken cancellationToken)
    {
        foreach (var relation in model.Relations)
        {
            if (!relation.HoldsForeignKey || Operations(input, relation) is not { } operations) continue;
            await At(relation, async () =>
            {
                if (operations.Count != 1)
                    throw new StrataException(ErrorCodes.InvalidQuery, $"The relation {relation.Owner.Name}.{relation.FieldName} takes one of Create, Connect and ConnectOrCreate.") { Model = model.Name };
                var parent = await ConnectedParentAsync(tx, relation, operations, cancellationToken).ConfigureAwait(false);
                if (Inverse(relation) is { IsList: false }) // one-to-one: a record that points there already lets go
                    await ReleaseAsync(tx, relation, model, ScopeOf(relation.LocalColumns, model, relation.TargetColumns, parent), relation.LocalColumns, cancellationToken).ConfigureAwait(false);
                AssignForeignKey(input, relation, parent);
                return 0;
            }).ConfigureAwait(false);
        }
        var entity = await WriteOperations.InsertOneAsync<IStrataEntity>(tx, model, input, ColumnSet.All, cancellationToken).ConfigureAwait(false);
        foreach (var relation in model.Relations)
        {
            if (relation.HoldsForeignKey || Operations(input, relation) is not { } operations) continue;
            await At(relation, () => ChildrenAsync(tx, relation, entity, operations, created: true, cancellationToken)).ConfigureAwait(false);
        }
        return entity;
    }

    /// <summary>
    /// Updates the one record <paramref name="where"/> matches, with its nested writes; null when none
    /// matches. The record is read first: its current foreign keys and key are what nested writes act on.
    /// </summary>
    public static async Task<IStrataEntity?> UpdateAsync(StrataContext tx, ModelInfo model, Filter where, WriteInput input, CancellationToken cancellationToken)
    {
        var current = await FindAsync(tx, model, where, cancellationToken).ConfigureAwait(false);
        if (current == null) return null;
        var afterUpdate = new List<Func<Task>>();
        foreach (var relation in model.Relations)
        {
            if (!relation.HoldsForeignKey || Operations(input, relation) is not { } operations) continue;
            await At(relation, async () =>
            {
                await ParentInUpdateAsync(tx, relation, current, input, operations, afterUpdate, cancellationToken).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        }
        var updates = RowBuilder.Updates(model, input, RowBuilder.Now());
        var entity = current;
        if (updates.Count > 0)
        {
            await RelationEmulation.BeforeUpdateAsync(tx, model, KeyFilter(model, current), updates, cancellationToken).ConfigureAwait(false);
            if (!tx.Dialect.HasReturning)
            {
                entity = (await ReadBack.UpdateAsync<IStrataEntity>(tx, model, KeyFilter(model, current), updates, QueryState.Empty, cancellationToken).ConfigureAwait(false))[0];
            }
            else
            {
                var statement = tx.Build(w => WriteSql.Update(w, model, updates, KeyFilter(model, current), ColumnSet.All));
                var rows = await Runner.QueryUntypedAsync(tx, model, statement, ColumnSet.All, cancellationToken).ConfigureAwait(false);
                entity = (IStrataEntity)rows[0]!;
            }
        }
        foreach (var action in afterUpdate) await action().ConfigureAwait(false);
        foreach (var relation in model.Relations)
        {
            if (relation.HoldsForeignKey || Operations(input, relation) is not { } operations) continue;
            await At(relation, () => ChildrenAsync(tx, relation, entity, operations, created: false, cancellationToken)).ConfigureAwait(false);
        }
        return entity;
    }

    private static NestedOperations? Operations(WriteInput input, RelationInfo relation) =>
        input.Relation(relation.Index) is INestedWrite nested ? nested.Describe() : null;

    /// <summary>Runs <paramref name="body"/>, adding the relation to the path of a failure inside it.</summary>
    private static Task<T> At<T>(RelationInfo relation, Func<Task<T>> body) => Step($"{relation.Owner.Name}.{relation.FieldName}", body);

    private static Task At(string operation, Func<Task> body) => Step(operation, async () =>
    {
        await body().ConfigureAwait(false);
        return 0;
    });

    /// <summary>Runs <paramref name="body"/>, adding <paramref name="place"/> in front of the path of a failure inside it.</summary>
    private static async Task<T> Step<T>(string place, Func<Task<T>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (StrataException e)
        {
            e.AddPlace(place);
            throw;
        }
    }

    /// <summary>The record a create's to-one relation links: created, connected, or connected-or-created.</summary>
    private static async Task<IStrataEntity> ConnectedParentAsync(StrataContext tx, RelationInfo relation, NestedOperations operations, CancellationToken cancellationToken)
    {
        var target = relation.Target;
        if (operations.Create.Count == 1)
            return await Step("create", () => CreateAsync(tx, target, operations.Create[0], cancellationToken)).ConfigureAwait(false);
        if (operations.Connect.Count == 1)
            return await Step("connect", () => FindForConnectAsync(tx, relation, operations.Connect[0], cancellationToken)).ConfigureAwait(false);
        var (where, create) = operations.ConnectOrCreate[0];
        return await Step("connectOrCreate", async () => await FindAsync(tx, target, where.ToFilter(target), cancellationToken).ConfigureAwait(false)
            ?? await CreateAsync(tx, target, create, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// A to-one relation whose foreign key the updated record holds: sets the record's foreign key
    /// (in <paramref name="input"/>) for create, connect, connectOrCreate, upsert's create and
    /// disconnect; updates the related record for update and upsert; deletes it, after the record's
    /// UPDATE has let go of it, for delete.
    /// </summary>
    private static async Task ParentInUpdateAsync(StrataContext tx, RelationInfo relation, IStrataEntity current, WriteInput input, NestedOperations operations,
        List<Func<Task>> afterUpdate, CancellationToken cancellationToken)
    {
        var target = relation.Target;
        if (operations.Count != 1)
            throw new StrataException(ErrorCodes.InvalidQuery, $"The relation {relation.Owner.Name}.{relation.FieldName} takes one nested write in an update.") { Model = relation.Owner.Name };
        var linked = LinkedParentFilter(relation, current);
        if (operations.Create.Count == 1)
        {
            var created = await Step("create", () => CreateAsync(tx, target, operations.Create[0], cancellationToken)).ConfigureAwait(false);
            await LinkToParentAsync(tx, relation, current, input, created, cancellationToken).ConfigureAwait(false);
        }
        else if (operations.Connect.Count == 1)
        {
            var found = await Step("connect", () => FindForConnectAsync(tx, relation, operations.Connect[0], cancellationToken)).ConfigureAwait(false);
            await LinkToParentAsync(tx, relation, current, input, found, cancellationToken).ConfigureAwait(false);
        }
        else if (operations.ConnectOrCreate.Count == 1)
        {
            var (where, create) = operations.ConnectOrCreate[0];
            var found = await Step("connectOrCreate", async () => await FindAsync(tx, target, where.ToFilter(target), cancellationToken).ConfigureAwait(false)
                ?? await CreateAsync(tx, target, create, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            await LinkToParentAsync(tx, relation, current, input, found, cancellationToken).ConfigureAwait(false);
        }
        else if (operations.Update.Count == 1)
        {
            await Step("update", async () =>
            {
                if (linked == null || await UpdateAsync(tx, target, linked, operations.Update[0].Data, cancellationToken).ConfigureAwait(false) == null)
                    throw NotFound(target, relation, "update");
                return 0;
            }).ConfigureAwait(false);
        }
        else if (operations.Upsert.Count == 1)
        {
            var (_, create, update) = operations.Upsert[0];
            await Step("upsert", async () =>
            {
                if (linked != null && await UpdateAsync(tx, target, linked, update, cancellationToken).ConfigureAwait(false) != null) return 0;
                var created = await CreateAsync(tx, target, create, cancellationToken).ConfigureAwait(false);
                await LinkToParentAsync(tx, relation, current, input, created, cancellationToken).ConfigureAwait(false);
                return 0;
            }).ConfigureAwait(false);
        }
        else if (operations.DisconnectOne)
        {
            RequireOptional(relation);
            AssignForeignKey(input, relation, null);
        }
        else if (operations.DeleteOne)
        {
            RequireOptional(relation);
            if (linked == null) throw NotFound(target, relation, "delete");
            AssignForeignKey(input, relation, null);
            afterUpdate.Add(() => At("delete", () => DeleteChildAsync(tx, relation, linked, cancellationToken)));
        }
    }

    /// <summary>
    /// Points the updated record's foreign key at <paramref name="parent"/>. In a one-to-one relation
    /// another record that points there first lets go (P2014 when its foreign key is required).
    /// </summary>
    private static async Task LinkToParentAsync(StrataContext tx, RelationInfo relation, IStrataEntity current, WriteInput input, IStrataEntity parent, CancellationToken cancellationToken)
    {
        var model = relation.Owner;
        if (Inverse(relation) is { IsList: false })
        {
            var others = Filter.And(ScopeOf(relation.LocalColumns, model, relation.TargetColumns, parent), Filter.Not(KeyFilter(model, current)));
            await ReleaseAsync(tx, relation, model, others, relation.LocalColumns, cancellationToken).ConfigureAwait(false);
        }
        AssignForeignKey(input, relation, parent);
    }

    /// <summary>
    /// The relation's nested writes from the side without the foreign key (the other model holds it,
    /// or a join table): lists and the back side of one-to-one relations.
    /// </summary>
    private static async Task<int> ChildrenAsync(StrataContext tx, RelationInfo relation, IStrataEntity parent, NestedOperations operations, bool created, CancellationToken cancellationToken)
    {
        var target = relation.Target;
        if (!relation.IsList && operations.Count != 1)
            throw new StrataException(ErrorCodes.InvalidQuery, $"The relation {relation.Owner.Name}.{relation.FieldName} takes one nested write.") { Model = relation.Owner.Name };
        var scope = ChildScope(relation, parent);
        if (!relation.IsList && !created && (operations.Create.Count + operations.Connect.Count + operations.ConnectOrCreate.Count) > 0)
        {
            // A one-to-one back side gets a new related record: the current one lets go of this record first.
            var keep = operations.Connect.Count == 1 ? operations.Connect[0].ToFilter(target)
                : operations.ConnectOrCreate.Count == 1 ? operations.ConnectOrCreate[0].Where.ToFilter(target) : null;
            await ReleaseAsync(tx, relation, target, keep == null ? scope : Filter.And(scope, Filter.Not(keep)), relation.TargetColumns, cancellationToken).ConfigureAwait(false);
        }

        foreach (var where in operations.Disconnect)
            await At("disconnect", () => UnlinkAsync(tx, relation, parent, Filter.And(where.ToFilter(target), scope), cancellationToken)).ConfigureAwait(false);
        if (operations.DisconnectOne)
            await At("disconnect", () => UnlinkAsync(tx, relation, parent, scope, cancellationToken)).ConfigureAwait(false);
        if (operations.Set is { } set)
        {
            await At("set", async () =>
            {
                var kept = set.Select(s => s.ToFilter(target)).ToArray();
                await UnlinkAsync(tx, relation, parent, kept.Length == 0 ? scope : Filter.And(scope, Filter.Not(Filter.Or(kept))), cancellationToken).ConfigureAwait(false);
                foreach (var where in set) await ConnectChildAsync(tx, relation, parent, where, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        foreach (var where in operations.Delete)
            await At("delete", () => DeleteChildAsync(tx, relation, Filter.And(where.ToFilter(target), scope), cancellationToken)).ConfigureAwait(false);
        if (operations.DeleteOne)
            await At("delete", () => DeleteChildAsync(tx, relation, scope, cancellationToken)).ConfigureAwait(false);
        foreach (var where in operations.DeleteMany)
        {
            await At("deleteMany", () => RelationEmulation.DeleteAsync(tx, target, Filter.And(where, scope), cancellationToken)).ConfigureAwait(false);
        }
        foreach (var (where, data) in operations.Update)
        {
            await At("update", async () =>
            {
                var filter = where == null ? scope : Filter.And(where.ToFilter(target), scope);
                if (await UpdateAsync(tx, target, filter, data, cancellationToken).ConfigureAwait(false) == null) throw NotFound(target, relation, "update");
            }).ConfigureAwait(false);
        }
        foreach (var (where, data) in operations.UpdateMany)
        {
            await At("updateMany", async () =>
            {
                if (data.HasRelationWrites)
                    throw new StrataException(ErrorCodes.InvalidQuery, $"A nested UpdateMany of {target.Name} does not take nested relation writes.") { Model = target.Name };
                var updates = RowBuilder.Updates(target, data, RowBuilder.Now());
                if (updates.Count == 0) return;
                await RelationEmulation.BeforeUpdateAsync(tx, target, Filter.And(where, scope), updates, cancellationToken).ConfigureAwait(false);
                var statement = tx.Build(w => WriteSql.Update(w, target, updates, Filter.And(where, scope), returning: null));
                await Runner.ExecuteAsync(tx, target, statement, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        foreach (var (where, create, update) in operations.Upsert)
        {
            await At("upsert", async () =>
            {
                var filter = where == null ? scope : Filter.And(where.ToFilter(target), scope);
                if (await UpdateAsync(tx, target, filter, update, cancellationToken).ConfigureAwait(false) == null)
                    await CreateChildAsync(tx, relation, parent, create, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        foreach (var create in operations.Create)
            await At("create", () => CreateChildAsync(tx, relation, parent, create, cancellationToken)).ConfigureAwait(false);
        foreach (var (data, skipDuplicates) in operations.CreateMany)
        {
            await At("createMany", async () =>
            {
                if (relation.JoinTable != null)
                    throw new StrataException(ErrorCodes.InvalidQuery, $"CreateMany is not a nested write of the many-to-many relation {relation.Owner.Name}.{relation.FieldName}.") { Model = relation.Owner.Name };
                foreach (var child in data) AssignChildKey(relation, parent, child);
                await WriteOperations.CreateManyAsync(tx, target, data, skipDuplicates, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        foreach (var where in operations.Connect)
            await At("connect", () => ConnectChildAsync(tx, relation, parent, where, cancellationToken)).ConfigureAwait(false);
        foreach (var (where, create) in operations.ConnectOrCreate)
        {
            await At("connectOrCreate", async () =>
            {
                if (await FindAsync(tx, target, where.ToFilter(target), cancellationToken).ConfigureAwait(false) != null)
                    await ConnectChildAsync(tx, relation, parent, where, cancellationToken).ConfigureAwait(false);
                else await CreateChildAsync(tx, relation, parent, create, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        return 0;
    }

    /// <summary>Creates a related record linked to <paramref name="parent"/>: its foreign key set, or a join table row.</summary>
    private static async Task CreateChildAsync(StrataContext tx, RelationInfo relation, IStrataEntity parent, WriteInput create, CancellationToken cancellationToken)
    {
        if (relation.JoinTable is { } join)
        {
            var child = await CreateAsync(tx, relation.Target, create, cancellationToken).ConfigureAwait(false);
            await LinkAsync(tx, join, parent.GetColumnValue(relation.LocalColumns[0])!, child.GetColumnValue(relation.TargetColumns[0])!, cancellationToken).ConfigureAwait(false);
            return;
        }
        AssignChildKey(relation, parent, create);
        await CreateAsync(tx, relation.Target, create, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Links an existing record to <paramref name="parent"/> (P2025 when it does not exist).</summary>
    private static async Task ConnectChildAsync(StrataContext tx, RelationInfo relation, IStrataEntity parent, UniqueFilter where, CancellationToken cancellationToken)
    {
        var target = relation.Target;
        if (relation.JoinTable is { } join)
        {
            var child = await FindForConnectAsync(tx, relation, where, cancellationToken).ConfigureAwait(false);
            await LinkAsync(tx, join, parent.GetColumnValue(relation.LocalColumns[0])!, child.GetColumnValue(relation.TargetColumns[0])!, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Point the existing record's foreign key at the parent.
        var updates = relation.TargetColumns.Select((c, i) => new ColumnUpdate(target.Columns[c], NumberOperation.Set, parent.GetColumnValue(relation.LocalColumns[i]))).ToList();
        var statement = tx.Build(w => WriteSql.Update(w, target, updates, where.ToFilter(target), returning: null));
        if (await Runner.ExecuteAsync(tx, target, statement, cancellationToken).ConfigureAwait(false) == 0)
            throw NotFound(target, relation, "connect");
    }

    /// <summary>Unlinks the related records <paramref name="filter"/> matches: join rows deleted, or foreign keys set to null (P2014 when required).</summary>
    private static async Task UnlinkAsync(StrataContext tx, RelationInfo relation, IStrataEntity parent, Filter filter, CancellationToken cancellationToken)
    {
        var target = relation.Target;
        if (relation.JoinTable is { } join)
        {
            var local = parent.GetColumnValue(relation.LocalColumns[0])!;
            foreach (var child in await FindAllAsync(tx, target, filter, cancellationToken).ConfigureAwait(false))
            {
                var statement = tx.Build(w => JoinTableSql.DeleteLinks(w, join, local, child.GetColumnValue(relation.TargetColumns[0])));
                await Runner.ExecuteAsync(tx, null, statement, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        await ReleaseAsync(tx, relation, target, filter, relation.TargetColumns, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sets the foreign key <paramref name="columns"/> of <paramref name="model"/>'s records that
    /// <paramref name="filter"/> matches to null; when the foreign key is required and a record matches, P2014.
    /// </summary>
    private static async Task ReleaseAsync(StrataContext tx, RelationInfo relation, ModelInfo model, Filter filter, int[] columns, CancellationToken cancellationToken)
    {
        if (columns.Any(c => !model.Columns[c].IsOptional))
        {
            if (await ReadOperations.CountAsync(tx, model, QueryState.Empty with { Where = filter }, cancellationToken).ConfigureAwait(false) > 0)
                throw RequiredRelation(relation);
            return;
        }
        var updates = columns.Select(c => new ColumnUpdate(model.Columns[c], NumberOperation.Set, null)).ToList();
        var statement = tx.Build(w => WriteSql.Update(w, model, updates, filter, returning: null));
        await Runner.ExecuteAsync(tx, model, statement, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DeleteChildAsync(StrataContext tx, RelationInfo relation, Filter filter, CancellationToken cancellationToken)
    {
        var target = relation.Target;
        if (await RelationEmulation.DeleteAsync(tx, target, filter, cancellationToken).ConfigureAwait(false) == 0) throw NotFound(target, relation, "delete");
    }

    /// <summary>The related records of <paramref name="parent"/> through a relation without its foreign key.</summary>
    private static Filter ChildScope(RelationInfo relation, IStrataEntity parent) => relation.JoinTable is { } join
        ? new LinkedFilter(join, relation.Target.Columns[relation.TargetColumns[0]], parent.GetColumnValue(relation.LocalColumns[0])!)
        : ScopeOf(relation.TargetColumns, relation.Target, relation.LocalColumns, parent);

    /// <summary>The related record a record refers to through its foreign key, or null when the key is null.</summary>
    private static Filter? LinkedParentFilter(RelationInfo relation, IStrataEntity current)
    {
        foreach (var c in relation.LocalColumns)
            if (current.GetColumnValue(c) == null) return null;
        return ScopeOf(relation.TargetColumns, relation.Target, relation.LocalColumns, current);
    }

    /// <summary><paramref name="model"/>'s <paramref name="columns"/> equal to <paramref name="entity"/>'s <paramref name="values"/>, pairwise.</summary>
    internal static Filter ScopeOf(int[] columns, ModelInfo model, int[] values, IStrataEntity entity)
    {
        var parts = new Filter[columns.Length];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = FieldFilters.Compare(model.Columns[columns[i]], Filters.FilterOperator.Equals, entity.GetColumnValue(values[i]));
        return parts.Length == 1 ? parts[0] : Filter.And(parts);
    }

    internal static Filter KeyFilter(ModelInfo model, IStrataEntity entity)
    {
        var key = model.PrimaryKey ?? throw new StrataException(ErrorCodes.InvalidQuery, $"{model.Name} has no unique criterion to write the record by.") { Model = model.Name };
        return new UniqueFilter(key, key.Columns.Select(entity.GetColumnValue).ToArray()).ToFilter(model);
    }

    /// <summary>The other side of a relation with its own foreign key columns (the field on the target model), or null.</summary>
    private static RelationInfo? Inverse(RelationInfo relation) => Array.Find(relation.Target.Relations, r =>
        r != relation && r.HoldsForeignKey != relation.HoldsForeignKey && r.JoinTable == null
        && r.LocalColumns.SequenceEqual(relation.TargetColumns) && r.TargetColumns.SequenceEqual(relation.LocalColumns) && r.Target == relation.Owner);

    private static void AssignForeignKey(WriteInput input, RelationInfo relation, IStrataEntity? parent)
    {
        for (int i = 0; i < relation.LocalColumns.Length; i++)
            input.Assign(relation.LocalColumns[i], parent?.GetColumnValue(relation.TargetColumns[i]));
    }

    private static void AssignChildKey(RelationInfo relation, IStrataEntity parent, WriteInput child)
    {
        for (int i = 0; i < relation.TargetColumns.Length; i++)
            child.Assign(relation.TargetColumns[i], parent.GetColumnValue(relation.LocalColumns[i]));
    }

    private static void RequireOptional(RelationInfo relation)
    {
        if (!relation.IsOptional) throw RequiredRelation(relation);
    }

    internal static StrataException RequiredRelation(RelationInfo relation) =>
        new(ErrorCodes.RequiredRelation, $"The change would violate the required relation {relation.Owner.Name}.{relation.FieldName} between {relation.Owner.Name} and {relation.Target.Name}.") { Model = relation.Owner.Name };

    private static RecordNotFoundException NotFound(ModelInfo target, RelationInfo relation, string operation) =>
        WriteOperations.NotFound(target, $"Nested {operation} on {relation.Owner.Name}.{relation.FieldName}");

    private static async Task<IStrataEntity> FindForConnectAsync(StrataContext tx, RelationInfo relation, UniqueFilter where, CancellationToken cancellationToken) =>
        await FindAsync(tx, relation.Target, where.ToFilter(relation.Target), cancellationToken).ConfigureAwait(false) ?? throw NotFound(relation.Target, relation, "connect");

    private static async Task<IStrataEntity?> FindAsync(StrataContext tx, ModelInfo model, Filter where, CancellationToken cancellationToken)
    {
        var found = await FindAllAsync(tx, model, where, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The records <paramref name="where"/> matches, all columns but the <paramref name="omitted"/> ones.</summary>
    internal static async Task<List<IStrataEntity>> FindAllAsync(StrataContext tx, ModelInfo model, Filter? where, CancellationToken cancellationToken, bool[]? omitted = null)
    {
        var state = QueryState.Empty with { Where = where, Omitted = omitted };
        var prepared = PreparedSelect.From(model, state);
        var statement = tx.Build(w => SelectSql.Write(w, model, prepared, null));
        var found = await Runner.QueryUntypedAsync(tx, model, statement, state.Columns, cancellationToken).ConfigureAwait(false);
        return found.Cast<IStrataEntity>().ToList();
    }

    private static Task<int> LinkAsync(StrataContext tx, JoinTableInfo join, object local, object target, CancellationToken cancellationToken) =>
        Runner.ExecuteAsync(tx, null, tx.Build(w => JoinTableSql.InsertLink(w, join, local, target)), cancellationToken);
}
