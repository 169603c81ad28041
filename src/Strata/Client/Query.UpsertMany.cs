using Strata.Writes;

namespace Strata;

public abstract partial class Query<TSelf, TEntity, TWhere, TFields, TInclude, TUnique, TCreate, TUpdate>
{
    /// <summary>
    /// Creates records, or updates the stored record where one conflicts on the criterion <paramref name="on"/>
    /// (the primary key when not given), with multi-row <c>INSERT ... ON CONFLICT ... DO UPDATE</c>
    /// statements in one transaction; returns how many records were created or updated.
    /// </summary>
    /// <param name="data">The records, written in order: a later record with the same key updates what an earlier one wrote.</param>
    /// <param name="on">The fields of the primary key or of a unique constraint: <c>u =&gt; [u.Email]</c>; P2009 for other fields.</param>
    /// <param name="update">The fields a conflicting record takes from its new data; when not given, the fields each record sets.
    /// The criterion's fields are never changed; <c>@updatedAt</c> fields always are.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<int> UpsertManyAsync(IEnumerable<TCreate> data, Func<TFields, FieldRef[]>? on = null, Func<TFields, FieldRef[]>? update = null, CancellationToken cancellationToken = default) =>
        Traced("upsertMany", (Query: this, Data: NotNull(data).ToList(), On: ConflictOf(on), Update: UpdatedBy(update)), cancellationToken,
            static (a, ct) => UpsertMany.RunAsync(a.Query._context, a.Query._model, a.Data, a.On, a.Update, null, ct));

    /// <summary>Writes records like <see cref="UpsertManyAsync(IEnumerable{TCreate}, Func{TFields, FieldRef[]}?, Func{TFields, FieldRef[]}?, CancellationToken)"/> and returns them: one per record, each as its statement wrote it (with the query's Include and Omit).</summary>
    /// <param name="data">The records.</param>
    /// <param name="on">The fields of the primary key or of a unique constraint.</param>
    /// <param name="update">The fields a conflicting record takes from its new data; when not given, the fields each record sets.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<List<TEntity>> UpsertManyAndReturnAsync(IEnumerable<TCreate> data, Func<TFields, FieldRef[]>? on = null, Func<TFields, FieldRef[]>? update = null, CancellationToken cancellationToken = default) =>
        Traced("upsertManyAndReturn", (Query: this, Data: NotNull(data).ToList(), On: ConflictOf(on), Update: UpdatedBy(update)), cancellationToken,
            static (a, ct) => UpsertMany.RunAndReturnAsync<TEntity>(a.Query._context, a.Query._model, a.Data, a.On, a.Update, null, a.Query._state, ct));

    /// <summary>
    /// Creates records like <see cref="UpsertManyAsync(IEnumerable{TCreate}, Func{TFields, FieldRef[]}?, Func{TFields, FieldRef[]}?, CancellationToken)"/>,
    /// but a conflicting record gets the same <paramref name="onConflict"/> changes (values, and atomic
    /// operations on its stored values: <c>new UserUpdate { Score = Op.Increment(1) }</c>) instead of the record's new data.
    /// </summary>
    /// <param name="data">The records.</param>
    /// <param name="on">The fields of the primary key or of a unique constraint (the primary key when null).</param>
    /// <param name="onConflict">The changes of a conflicting record (no nested writes).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<int> UpsertManyAsync(IEnumerable<TCreate> data, Func<TFields, FieldRef[]>? on, TUpdate onConflict, CancellationToken cancellationToken = default) =>
        Traced("upsertMany", (Query: this, Data: NotNull(data).ToList(), On: ConflictOf(on), OnConflict: NotNull(onConflict)), cancellationToken,
            static (a, ct) => UpsertMany.RunAsync(a.Query._context, a.Query._model, a.Data, a.On, null, a.OnConflict, ct));

    /// <summary>Writes records like <see cref="UpsertManyAsync(IEnumerable{TCreate}, Func{TFields, FieldRef[]}?, TUpdate, CancellationToken)"/> and returns them (with the query's Include and Omit).</summary>
    /// <param name="data">The records.</param>
    /// <param name="on">The fields of the primary key or of a unique constraint (the primary key when null).</param>
    /// <param name="onConflict">The changes of a conflicting record (no nested writes).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<List<TEntity>> UpsertManyAndReturnAsync(IEnumerable<TCreate> data, Func<TFields, FieldRef[]>? on, TUpdate onConflict, CancellationToken cancellationToken = default) =>
        Traced("upsertManyAndReturn", (Query: this, Data: NotNull(data).ToList(), On: ConflictOf(on), OnConflict: NotNull(onConflict)), cancellationToken,
            static (a, ct) => UpsertMany.RunAndReturnAsync<TEntity>(a.Query._context, a.Query._model, a.Data, a.On, null, a.OnConflict, a.Query._state, ct));

    private Metadata.UniqueInfo ConflictOf(Func<TFields, FieldRef[]>? on)
    {
        if (_state.Where != null || _state.SelectsRecords)
            throw new StrataException(ErrorCodes.InvalidQuery, $"UpsertMany of {_model.Name} writes the records it is given; it does not take Where, OrderBy, Skip, Take, Cursor or Distinct.") { Model = _model.Name };
        return UpsertMany.ConflictTarget(_model, on?.Invoke(TFields.Instance));
    }

    private static Metadata.ColumnInfo[]? UpdatedBy(Func<TFields, FieldRef[]>? update) =>
        update == null ? null : update(TFields.Instance).Select(f => f.Column).ToArray();
}
